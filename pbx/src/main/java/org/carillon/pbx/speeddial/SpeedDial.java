package org.carillon.pbx.speeddial;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A speed dial: dialled as the tenant's speed-dial prefix ({@code *0}) followed by {@code code}, it calls
 * {@code number}.
 *
 * @param owner  empty for a system speed dial, else the extension number whose personal speed dial it is
 * @param code   1 to 3 digits
 * @param number what it calls: an extension or any other dialable number
 * @param label  what it is called on the pages and BLF keys
 */
public record SpeedDial(@JsonIgnore long tenantId, @JsonIgnore String owner, String code, String number,
                        String label) {

    @JsonIgnore
    public boolean system() {
        return owner.isEmpty();
    }
}
