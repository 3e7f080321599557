package org.carillon.platform.mfa;

/**
 * The signed-in user as two-step sign-in sees them, in any app: the account, its login name, and whether the app's
 * policy says this user must use a second step.
 *
 * @param accountId the platform account ({@code user_account.id})
 * @param email     the login name, shown in the authenticator app and used for the throttle and the audit log
 * @param required  whether the user must set up two-step sign-in before any page
 */
public record MfaUser(long accountId, String email, boolean required) {
}
