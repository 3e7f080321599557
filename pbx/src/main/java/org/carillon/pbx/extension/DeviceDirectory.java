package org.carillon.pbx.extension;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every extension's digest credentials in memory, so a REGISTER is authenticated without touching the database
 * (the registrar's hot path). Loaded once at start (decrypting each sealed password) and kept in step by
 * {@link ExtensionService} after each committed change.
 *
 * <p>Threads: thread-safe; lookups never block.
 */
@Component
public class DeviceDirectory implements SmartInitializingSingleton {
    private final ExtensionStore store;
    private final CredentialVault vault;
    private final ConcurrentHashMap<String, DeviceAccount> byUsername = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, DeviceAccount> byNumber = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, DeviceAccount> byId = new ConcurrentHashMap<>();

    public DeviceDirectory(ExtensionStore store, CredentialVault vault) {
        this.store = store;
        this.vault = vault;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (var row : store.allSealed()) {
            String password;
            try {
                password = vault.decrypt(row.sealed(), row.username());
            } catch (CredentialKeyException e) {
                // one line at start-up, not a stack trace: the operator restored a database without its key file
                throw new org.carillon.platform.settings.InvalidSettingException("CARILLON_DATA_DIR",
                        "keys/credentials.key does not open the stored SIP passwords (key file lost or replaced?)");
            }
            put(new DeviceAccount(row.extensionId(), row.tenantId(), row.number(), row.username(), password));
        }
    }

    /** The device account a digest username belongs to. */
    public Optional<DeviceAccount> findByUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    /** The device account of an extension number in a tenant. */
    public Optional<DeviceAccount> findByNumber(long tenantId, String number) {
        return Optional.ofNullable(byNumber.get(tenantId + ":" + number));
    }

    public Optional<DeviceAccount> findById(long extensionId) {
        return Optional.ofNullable(byId.get(extensionId));
    }

    public int size() {
        return byId.size();
    }

    synchronized void put(DeviceAccount account) {
        remove(account.extensionId());
        byUsername.put(account.username(), account);
        byNumber.put(account.tenantId() + ":" + account.number(), account);
        byId.put(account.extensionId(), account);
    }

    synchronized void remove(long extensionId) {
        DeviceAccount old = byId.remove(extensionId);
        if (old != null) {
            byUsername.remove(old.username(), old);
            byNumber.remove(old.tenantId() + ":" + old.number(), old);
        }
    }
}
