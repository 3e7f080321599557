package org.carillon.portal.payment;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in gateway: no money moves. Test cards (any future expiry, any CVC):
 * <ul>
 *   <li>{@value #APPROVE} — approved;</li>
 *   <li>{@value #DECLINE} — declined;</li>
 *   <li>{@value #INSUFFICIENT_FUNDS} — declined, insufficient funds;</li>
 *   <li>{@value #RETRY} — the first attempt of a charge answers "try again", the next attempt with the same
 *       idempotency key is approved;</li>
 *   <li>any other valid card number — declined as not a test card.</li>
 * </ul>
 * Answers are remembered per idempotency key, so repeating a request never charges twice. Thread-safe; memory only.
 */
@Component
public class SandboxPaymentGateway implements PaymentGateway {
    public static final String APPROVE = "4242424242424242";
    public static final String DECLINE = "4000000000000002";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    public static final String RETRY = "4000000000000119";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REMEMBERED = 100_000;

    private final Map<String, ChargeResult> answers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> retried = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public boolean sandbox() {
        return true;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        ChargeResult earlier = answers.get(request.idempotencyKey());
        if (earlier != null) {
            return earlier;
        }
        if (answers.size() > MAX_REMEMBERED) {
            answers.clear();
            retried.clear();
        }
        String number = request.card().number();
        if (RETRY.equals(number) && retried.putIfAbsent(request.idempotencyKey(), Boolean.TRUE) == null) {
            return new ChargeResult.TryAgain("The payment processor is busy; try again.");
        }
        ChargeResult result = switch (number) {
            case APPROVE, RETRY -> new ChargeResult.Approved(reference());
            case DECLINE -> new ChargeResult.Declined("card_declined", "Your card was declined.", reference());
            case INSUFFICIENT_FUNDS -> new ChargeResult.Declined("insufficient_funds",
                    "Your card has insufficient funds.", reference());
            default -> new ChargeResult.Declined("not_a_test_card",
                    "The sandbox accepts only its test cards.", reference());
        };
        ChargeResult first = answers.putIfAbsent(request.idempotencyKey(), result);
        return first == null ? result : first;
    }

    private static String reference() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "sbx_" + HexFormat.of().formatHex(bytes);
    }
}
