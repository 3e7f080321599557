/** The identity of one PBX installation, as bound into license files. */
package org.carillon.licensekey.installation;
