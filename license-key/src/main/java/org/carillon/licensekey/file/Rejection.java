package org.carillon.licensekey.file;

/** Why a license file was refused. Each maps to one clear message for the Owner. */
public enum Rejection {
    /** Not a license file: armour, segments, base64url, JSON or a payload member is wrong. */
    MALFORMED,
    /** The header names an algorithm other than EdDSA ({@code none} included). */
    WRONG_ALGORITHM,
    /** Signed with a key this PBX does not trust (another vendor, or a development key when not enabled). */
    UNKNOWN_KEY_ID,
    /** The signature does not match: the file was altered or signed by another key under the same id. */
    BAD_SIGNATURE,
    /** The file itself is past its {@code expiresAt}; a fresh one is needed. */
    EXPIRED_FILE,
    /** The file is for another installation, or (production key) for none. */
    FINGERPRINT_MISMATCH,
    /** The file is older (lower sequence number) than the one installed. */
    OLDER_SEQUENCE
}
