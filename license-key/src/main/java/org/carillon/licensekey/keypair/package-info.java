/** Ed25519 signing keys: generation, PEM files, the trusted-key table by key id, the development key. */
package org.carillon.licensekey.keypair;
