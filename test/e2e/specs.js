'use strict';
// The vendor specs the e2e suite runs, in order. Add a vendor's spec file here when it lands
// (run-e2e.js fails when a *.e2e.js file in this folder is not listed).
module.exports = ['./boldsign.e2e.js', './docusign.e2e.js', './signnow.e2e.js', './pandadoc.e2e.js', './triggers.e2e.js', './examples.e2e.js'];
