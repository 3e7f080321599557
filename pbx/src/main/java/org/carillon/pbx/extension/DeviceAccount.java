package org.carillon.pbx.extension;

/**
 * What the SIP side needs to authenticate a device of an extension: held in memory by {@link DeviceDirectory}.
 *
 * @param number   the extension number (the user part of the address of record)
 * @param username the digest username
 * @param password the digest password in clear (memory only; at rest it is sealed by {@link CredentialVault})
 */
public record DeviceAccount(long extensionId, long tenantId, String number, String username, String password) {

    @Override
    public String toString() {
        return "DeviceAccount[" + number + ", " + username + "]";
    }
}
