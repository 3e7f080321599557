/**
 * License files: the signed payload ({@link org.carillon.licensekey.file.License}), its JWS/Ed25519 signing
 * and verification, and the copy/paste armour. JSON is read and written by small package-private classes.
 */
package org.carillon.licensekey.file;
