package org.carillon.pbx.voicemail;

import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.registrar.Binding;
import org.carillon.pbx.registrar.DeviceRegistered;
import org.carillon.pbx.registrar.Registrar;
import org.carillon.pbx.sipserver.SipServer;
import org.carillon.pbx.subscription.ResourceChanged;
import org.carillon.pbx.subscription.SubscriptionService;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.transaction.ResponseListener;
import org.carillon.sip.transaction.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message-waiting indication (RFC 3842): the new/old counts of every mailbox kept in memory (the NOTIFY path
 * must not touch the database), the {@code message-summary} body, and the NOTIFYs. Phones that subscribe get them
 * through the subscription framework ({@link MessageSummaryPackage}); registered phones of a mailbox nobody
 * subscribes to get unsolicited NOTIFYs (RFC 3842 §3, as Asterisk and most desk phones do) on every change and after
 * each (re-)registration when a message is waiting (or the phone was last told so).
 *
 * <p>Threads: thread-safe; never blocks on the network (NOTIFYs are client transactions of the stack).
 */
@Component
public class MessageWaiting implements SmartInitializingSingleton {
    static final String EVENT = "message-summary";
    static final String CONTENT_TYPE = "application/simple-message-summary";
    private static final Logger log = LoggerFactory.getLogger(MessageWaiting.class);

    /** New and old messages of one mailbox. */
    record Counts(int fresh, int old) {
    }

    private final Map<Long, Counts> counts = new ConcurrentHashMap<>();
    /** Per extension: whether the last unsolicited NOTIFY said "yes" (in memory: a restart forgets it). */
    private final Map<Long, Boolean> lastSentWaiting = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Registrar registrar;
    private final DeviceDirectory devices;
    private final TenantDirectory tenants;
    private final ObjectProvider<SipServer> sipServer;
    private final ObjectProvider<SubscriptionService> subscriptions;
    private final ApplicationEventPublisher events;

    public MessageWaiting(JdbcClient jdbc, Registrar registrar, DeviceDirectory devices, TenantDirectory tenants,
                          ObjectProvider<SipServer> sipServer, ObjectProvider<SubscriptionService> subscriptions,
                          ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.registrar = registrar;
        this.devices = devices;
        this.tenants = tenants;
        this.sipServer = sipServer;
        this.subscriptions = subscriptions;
        this.events = events;
    }

    /** Loads every mailbox's counts once, before the SIP server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        jdbc.sql("""
                SELECT extension_id, SUM(CASE WHEN heard THEN 0 ELSE 1 END) AS fresh,
                       SUM(CASE WHEN heard THEN 1 ELSE 0 END) AS old
                FROM voicemail_message GROUP BY extension_id""")
                .query((rs, n) -> counts.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3)))).list();
    }

    /** The counts of an extension's mailbox (zero when it has no messages). */
    Counts counts(long extensionId) {
        return counts.getOrDefault(extensionId, new Counts(0, 0));
    }

    /** The RFC 3842 §5.2 body; {@code account} is the mailbox's URI. */
    static byte[] body(Counts c, String account) {
        return ("Messages-Waiting: " + (c.fresh() > 0 ? "yes" : "no") + "\r\n"
                + "Message-Account: " + account + "\r\n"
                + "Voice-Message: " + c.fresh() + "/" + c.old() + " (0/0)\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @EventListener
    public void onMailboxChanged(MailboxChanged change) {
        counts.put(change.extensionId(), new Counts(change.newMessages(), change.oldMessages()));
        events.publishEvent(new ResourceChanged(change.tenantId(), EVENT, change.number()));
        unsolicited(change.tenantId(), change.extensionId());
    }

    /**
     * After a (re-)registration the phone is told when something waits, or when it was last told "yes" (its lamp may
     * still be lit); a phone whose mailbox is empty and was never told otherwise has its lamp off already.
     */
    @EventListener
    public void onRegistered(DeviceRegistered registered) {
        long extensionId = registered.extensionId();
        if (counts(extensionId).fresh() > 0 || lastSentWaiting.getOrDefault(extensionId, false)) {
            unsolicited(registered.tenantId(), extensionId);
        }
    }

    /** Sends the current counts to every registered device of the extension, unless its mailbox is subscribed to. */
    private void unsolicited(long tenantId, long extensionId) {
        Optional<String> number = devices.findById(extensionId).map(d -> d.number());
        Optional<Tenant> tenant = tenants.findById(tenantId);
        var server = sipServer.getIfAvailable();
        if (number.isEmpty() || tenant.isEmpty() || server == null || server.stack().isEmpty()) {
            return;
        }
        SubscriptionService subs = subscriptions.getIfAvailable();
        if (subs != null && subs.watching(tenantId, EVENT, number.get()) > 0) {
            return; // subscribed phones are told through their subscription
        }
        String aor = "sip:" + number.get() + "@" + tenant.get().sipDomain();
        Counts now = counts(extensionId);
        byte[] body = body(now, aor);
        lastSentWaiting.put(extensionId, now.fresh() > 0);
        for (Binding b : registrar.bindings(extensionId)) {
            try {
                SipRequest notify = SipRequest.create(SipMethod.NOTIFY, Address.parse("<" + b.target() + ">").uri());
                notify.headers().add(HeaderName.FROM, "<" + aor + ">;tag=" + Tags.generate());
                notify.headers().add(HeaderName.TO, "<" + aor + ">");
                notify.headers().add(HeaderName.CALL_ID, UUID.randomUUID().toString());
                notify.headers().add(HeaderName.CSEQ, "1 NOTIFY");
                notify.headers().add(HeaderName.EVENT, EVENT);
                notify.headers().add(HeaderName.SUBSCRIPTION_STATE, "active");
                notify.setBody(body, Optional.of(CONTENT_TYPE));
                server.stack().get().send(notify, b.source(), IGNORE);
            } catch (RuntimeException e) {
                log.debug("MWI NOTIFY to {} not sent: {}", b.target(), e.toString());
            }
        }
    }

    private static final ResponseListener IGNORE = new ResponseListener() {
        @Override
        public void onResponse(SipResponse response) {
            // an unsolicited NOTIFY is best effort: the next change or registration sends the state again
        }

        @Override
        public void onTimeout() {
        }

        @Override
        public void onTransportError() {
        }
    };
}
