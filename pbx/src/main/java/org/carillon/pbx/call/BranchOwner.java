package org.carillon.pbx.call;

/**
 * What a {@link CalleeLeg} reports to: the {@link Call} that forked it, or an {@link Origination} (a call the PBX
 * places itself). Its responses, timeouts and transport errors are handed to {@link #executor()}.
 */
interface BranchOwner {

    /** The serial executor the branch's events run on. */
    CallExecutor executor();

    /** The extension shown as the calling side (the user part of our Contact towards the callee). */
    String caller();

    /** A response to the branch's INVITE (executor). */
    void onBranchResponse(CalleeLeg branch, org.carillon.sip.message.SipResponse response);

    /** The branch's INVITE timed out (408) or could not be sent (503) (executor). */
    void onBranchFailed(CalleeLeg branch, int status);

    /** The party whose dialog has this Call-ID, if this owner holds it now (executor). */
    java.util.Optional<Party> partyOf(String callId);

    /** {@code party}'s session timer expired (RFC 4028 §10): BYE it and end the call (executor). */
    void sessionExpired(Party party);
}
