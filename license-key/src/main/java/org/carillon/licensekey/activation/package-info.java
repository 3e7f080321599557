/** Human activation keys: {@code CAR1-XXXXX-XXXXX-XXXXX-XXXXX-C}, Crockford Base32 with a mod-37 check. */
package org.carillon.licensekey.activation;
