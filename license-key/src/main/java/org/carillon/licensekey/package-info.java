/** Carillon license-key. */
package org.carillon.licensekey;
