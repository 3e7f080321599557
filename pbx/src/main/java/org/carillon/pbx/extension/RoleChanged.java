package org.carillon.pbx.extension;

import org.carillon.pbx.access.Role;

/** An extension's user got another role (published after the change is committed, for the live role board). */
public record RoleChanged(long tenantId, String number, Role from, Role to) {
}
