/** Where an installed license stands over time (valid, grace, restricted), as a pure function. */
package org.carillon.licensekey.state;
