package org.carillon.pbx.extension;

/** No extension with that number in the caller's tenant (or not one the caller may see): HTTP 404. */
public class ExtensionNotFoundException extends RuntimeException {
    public ExtensionNotFoundException(String number) {
        super("no extension " + number);
    }
}
