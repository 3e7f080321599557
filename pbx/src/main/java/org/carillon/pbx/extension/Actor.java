package org.carillon.pbx.extension;

import org.carillon.pbx.access.Permission;
import org.carillon.pbx.access.Role;
import java.util.Optional;

/**
 * Who asks for a change, for permission checks and the audit log.
 *
 * @param email     the signed-in account
 * @param role      its role
 * @param extension the actor's own extension number, if it has one
 * @param source    the client address
 */
public record Actor(String email, Role role, Optional<String> extension, String source) {

    /** May see and change any extension of the tenant (Owner, Manager). */
    public boolean admin() {
        return role.admin();
    }

    /** The permission table grants this actor's role the permission. */
    public boolean can(Permission permission) {
        return permission.grants(role);
    }

    /** The extension is the actor's own. */
    public boolean owns(String number) {
        return extension.filter(number::equals).isPresent();
    }
}
