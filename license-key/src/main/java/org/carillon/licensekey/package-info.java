/**
 * Carillon licensing format, JDK only (SPEC §4): activation keys ({@code activation}), signed license
 * files ({@code file}), signing keys ({@code keypair}), installation identity ({@code installation}) and
 * the license state ({@code state}); plus the {@link org.carillon.licensekey.DevLicenseTool} and
 * {@link org.carillon.licensekey.KeyGen} command-line tools. See the module's README.md.
 */
package org.carillon.licensekey;
