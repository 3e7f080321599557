package org.carillon.portal.payment;

/**
 * Where card payments go. The built-in implementation is {@link SandboxPaymentGateway}; a real provider plugs in as
 * another bean of this type. Implementations are thread-safe, honour {@link ChargeRequest#idempotencyKey()} and may
 * block (they are called on a request's virtual thread, outside any database transaction).
 */
public interface PaymentGateway {

    /** A short name stored with each payment ({@code sandbox}). */
    String name();

    /** Whether this gateway moves no real money (the checkout page then says so). */
    boolean sandbox();

    ChargeResult charge(ChargeRequest request);
}
