/** BoldSign API hosts by region (../shared/reference/vendor-apis.md §3.1). A key from another region gets 401. */
export const BOLDSIGN_HOSTS: Record<string, string> = {
	us: 'https://api.boldsign.com',
	eu: 'https://api-eu.boldsign.com',
	ca: 'https://api-ca.boldsign.com',
	au: 'https://api-au.boldsign.com',
};
