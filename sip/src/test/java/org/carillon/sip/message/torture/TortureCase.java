package org.carillon.sip.message.torture;

/**
 * One row of the torture table: what the RFC says about a message and what Carillon does.
 *
 * @param file   path under {@code torture/}
 * @param section the RFC section
 * @param wire   outcome of {@code SipParser.wireDefault()} (ParseMode.WIRE)
 * @param strict outcome in ParseMode.STRICT
 * @param rfc    the RFC's treatment, in brief (paraphrased; the RFC section has the exact words)
 * @param choice our choice where the RFC leaves one (SHOULD/MAY/"acceptable"), else "as the RFC"
 */
record TortureCase(String file, String section, Outcome wire, Outcome strict, String rfc, String choice) {
    /** What parsing does with a message. */
    enum Outcome {
        /** Parses; every routing header and the Request-URI are valid. */
        ACCEPT,
        /** SipParseException with status hint 400. */
        REJECT_400,
        /** SipParseException with status hint 505 (Version Not Supported). */
        REJECT_505,
        /** Parses; a header the mode leaves lazy throws 400 when the application reads it. */
        ACCEPT_THEN_HEADER_400
    }

    @Override
    public String toString() {
        return section + " " + file;
    }
}
