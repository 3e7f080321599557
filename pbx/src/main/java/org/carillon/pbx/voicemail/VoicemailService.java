package org.carillon.pbx.voicemail;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.Extension;
import org.carillon.pbx.extension.ExtensionRemoved;
import org.carillon.pbx.extension.ExtensionStore;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.mail.MailOutbox;
import org.carillon.platform.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mailboxes and messages. Two kinds of callers: the call applications (a mailbox by tenant and number, no web user)
 * and the web (an {@link Actor}: settings for the extension's user and for Owners/Managers; messages for the
 * extension's own user only — nobody else, the Owner included, sees them: another's mailbox answers 404).
 *
 * <p>A message is saved in one transaction with its email (the outbox), after its file is complete, so a row always
 * has its audio and the email is sent exactly when the message exists. Threads: thread-safe.
 */
@Service
public class VoicemailService implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(VoicemailService.class);

    private final VoicemailStore store;
    private final VoicemailFiles files;
    private final VoicemailMail mail;
    private final ExtensionStore extensions;
    private final TenantDirectory tenants;
    private final PasswordEncoder encoder;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final VoicemailSettings settings;
    private final AuditTrail audit;

    public VoicemailService(VoicemailStore store, VoicemailFiles files, VoicemailMail mail, ExtensionStore extensions,
                            TenantDirectory tenants, PasswordEncoder encoder, MailOutbox outbox,
                            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
                            Settings settings, AuditTrail audit) {
        this.store = store;
        this.files = files;
        this.mail = mail;
        this.extensions = extensions;
        this.tenants = tenants;
        this.encoder = encoder;
        this.outbox = outbox;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = VoicemailSettings.from(settings);
        this.audit = audit;
    }

    VoicemailSettings settings() {
        return settings;
    }

    VoicemailFiles files() {
        return files;
    }

    // ---- start-up and extension lifecycle ----

    /**
     * Removes what a crash left (see {@link VoicemailFiles#sweep}) and rows whose file is gone; runs once the beans
     * exist, before the SIP server starts taking calls (so no live recording is mistaken for a leftover).
     */
    @Override
    public void afterSingletonsInstantiated() {
        var missing = files.sweep(new HashSet<>(store.allIds()), new HashSet<>(store.extensionIds()));
        for (String id : missing) {
            log.warn("voicemail: message {} has no audio file; removing its row", id);
            store.deleteById(id);
        }
    }

    /** A deleted extension's mailbox goes with it (its rows by the foreign key's cascade, its files here). */
    @EventListener
    public void extensionRemoved(ExtensionRemoved e) {
        files.removeMailbox(e.tenantId(), e.extensionId());
    }

    // ---- for the call applications ----

    /** The mailbox of extension {@code number} (its defaults until its settings are saved). */
    public Optional<Mailbox> find(long tenantId, String number) {
        return extensions.find(tenantId, number).map(this::mailbox);
    }

    Mailbox mailbox(Extension e) {
        return store.findBox(e.id(), e.number()).orElseGet(() -> Mailbox.defaults(e.id(), e.tenantId(), e.number()));
    }

    /** Whether {@code pin} is the mailbox's PIN (false when none is set). */
    boolean pinMatches(Mailbox box, String pin) {
        return box.pinHash().isPresent() && MailboxChanges.validPin(pin) && encoder.matches(pin, box.pinHash().get());
    }

    /**
     * Sets a new PIN from the phone; the audit line names the calling extension as the actor and the phone's address
     * as the source (the PIN itself is masked).
     *
     * @throws InvalidVoicemailException unless 4-10 digits
     */
    Mailbox changePin(Mailbox box, String pin, String callerExtension, String source) {
        if (!MailboxChanges.validPin(pin)) {
            throw new InvalidVoicemailException("pin", "must be 4 to 10 digits");
        }
        Mailbox changed = withPin(box, pin);
        tx.executeWithoutResult(s -> {
            store.saveBox(changed, clock.instant());
            audit.recordChange(phoneActor(callerExtension), source, "voicemail.update", "voicemail", box.number(),
                    "PIN changed by phone", state(box), state(changed));
        });
        return changed;
    }

    /** Who a change made by phone is attributed to in the audit log. */
    static String phoneActor(String callerExtension) {
        return "extension " + callerExtension;
    }

    /**
     * A mailbox's settings as the audit log shows them. The PIN appears as its hash under {@code pin}, which the
     * log masks: a changed PIN shows as changed (the hashes differ), never what it is.
     */
    static Map<String, Object> state(Mailbox b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", b.enabled());
        out.put("pin", b.pinHash().orElse(""));
        out.put("emailOption", b.emailOption().wire());
        out.put("instructions", b.instructions());
        out.put("skipPinOnOwnDevice", b.skipPinOnOwnDevice());
        out.put("maxMessageSeconds", b.maxMessageSeconds());
        out.put("maxMessages", b.maxMessages());
        return out;
    }

    /** Where a new message's audio goes (written as {@code .part} first). */
    Path newMessageFile(Mailbox box, String id) {
        return files.message(box, id);
    }

    Path greetingFile(Mailbox box, Greeting kind) {
        return files.greeting(box, kind);
    }

    Optional<Path> greeting(Mailbox box, Greeting kind) {
        return files.existingGreeting(box, kind);
    }

    boolean full(Mailbox box) {
        return store.count(box.extensionId()) >= box.maxMessages();
    }

    /**
     * Saves a recorded message whose file is complete: the row and the email (per the mailbox's option) commit
     * together; then the mailbox's phones are told (MWI).
     */
    VoicemailMessage save(Mailbox box, String id, String caller, Instant receivedAt, Duration length) {
        var m = new VoicemailMessage(id, box.tenantId(), box.extensionId(), caller, receivedAt, length, false);
        Extension owner = extensions.findById(box.tenantId(), box.extensionId())
                .orElseThrow(() -> new VoicemailNotFoundException("extension"));
        ZoneId zone = zone(box.tenantId());
        tx.executeWithoutResult(s -> {
            store.insertMessage(m);
            mail.of(box, owner.email(), m, zone, files.message(box, id)).ifPresent(outbox::enqueue);
        });
        log.info("voicemail: message {} from {} for {} saved ({} ms)", id, caller, box.number(), length.toMillis());
        changed(box);
        return m;
    }

    List<VoicemailMessage> messages(Mailbox box) {
        return store.messages(box.extensionId());
    }

    Path audio(Mailbox box, VoicemailMessage m) {
        return files.message(box, m.id());
    }

    void markHeard(Mailbox box, String id, boolean heard) {
        if (store.markHeard(box.extensionId(), id, heard)) {
            changed(box);
        }
    }

    void delete(Mailbox box, String id) {
        if (store.deleteMessage(box.extensionId(), id)) {
            files.delete(files.message(box, id));
            changed(box);
        }
    }

    ZoneId zone(long tenantId) {
        return tenants.findById(tenantId).map(Tenant::timeZone).orElse(ZoneId.of("UTC"));
    }

    /** Counts of new and heard messages, as MWI reports them. */
    public MailboxChanged counts(long tenantId, long extensionId, String number) {
        int all = store.count(extensionId);
        int fresh = store.countNew(extensionId);
        return new MailboxChanged(tenantId, extensionId, number, fresh, all - fresh);
    }

    private void changed(Mailbox box) {
        events.publishEvent(counts(box.tenantId(), box.extensionId(), box.number()));
    }

    // ---- for the web ----

    /** Settings of an extension's mailbox: its user or an Owner/Manager. */
    public Mailbox settingsFor(Tenant tenant, String number, Actor actor) {
        return mailbox(visible(tenant, number, actor, true));
    }

    public Mailbox update(Tenant tenant, String number, MailboxChanges changes, Actor actor) {
        Extension e = visible(tenant, number, actor, true);
        var problems = changes.problems();
        if (!problems.isEmpty()) {
            throw new InvalidVoicemailException(problems);
        }
        Mailbox b = mailbox(e);
        Mailbox changed = new Mailbox(b.extensionId(), b.tenantId(), b.number(), changes.enabled().orElse(b.enabled()),
                b.pinHash(), changes.emailOption().orElse(b.emailOption()),
                changes.instructions().orElse(b.instructions()),
                changes.skipPinOnOwnDevice().orElse(b.skipPinOnOwnDevice()),
                changes.maxMessageSeconds().orElse(b.maxMessageSeconds()), changes.maxMessages().orElse(b.maxMessages()));
        if (changes.pin().isPresent()) {
            changed = withPin(changed, changes.pin().get());
        }
        Mailbox saved = changed;
        tx.executeWithoutResult(s -> {
            store.saveBox(saved, clock.instant());
            audit.recordChange(actor.email(), actor.source(), "voicemail.update", "voicemail", number,
                    changes.pin().isPresent() ? "PIN changed" : "", state(b), state(saved));
        });
        log.info("voicemail: settings of {} changed by {}{}", number, actor.email(),
                changes.pin().isPresent() ? " (PIN changed)" : "");
        return changed;
    }

    /** The mailbox whose messages the actor may read: only the actor's own. */
    public Mailbox ownMailbox(Tenant tenant, String number, Actor actor) {
        return mailbox(visible(tenant, number, actor, false));
    }

    public List<VoicemailMessage> messages(Tenant tenant, String number, Actor actor) {
        return messages(ownMailbox(tenant, number, actor));
    }

    public VoicemailMessage message(Mailbox own, String id) {
        return store.findMessage(own.extensionId(), id).orElseThrow(() -> new VoicemailNotFoundException("message"));
    }

    public Path audio(Mailbox own, String id) {
        return audio(own, message(own, id));
    }

    public VoicemailMessage markHeard(Mailbox own, String id, boolean heard, Actor actor) {
        message(own, id);
        markHeard(own, id, heard);
        return message(own, id);
    }

    public void delete(Mailbox own, String id, Actor actor) {
        message(own, id);
        delete(own, id);
        log.info("voicemail: message {} of {} deleted by {}", id, own.number(), actor.email());
    }

    /** Replaces a greeting with uploaded audio (already converted to 8 kHz mono samples). */
    public void saveGreeting(Mailbox box, Greeting kind, short[] samples, Actor actor) {
        Map<String, Object> before = greetingState(box, kind);
        files.write(files.greeting(box, kind), samples);
        audit.record(actor.email(), actor.source(), "voicemail.greeting", "voicemail", box.number(),
                kind.wire() + " greeting uploaded", before, greetingState(box, kind));
    }

    public void deleteGreeting(Mailbox box, Greeting kind, Actor actor) {
        Map<String, Object> before = greetingState(box, kind);
        files.delete(files.greeting(box, kind));
        audit.record(actor.email(), actor.source(), "voicemail.greeting", "voicemail", box.number(),
                kind.wire() + " greeting removed", before, greetingState(box, kind));
    }

    /** A greeting recorded by phone ({@code *97}/{@code *98} menu), for the audit log. */
    void greetingRecorded(Mailbox box, Greeting kind, String callerExtension, String source) {
        audit.record(phoneActor(callerExtension), source, "voicemail.greeting", "voicemail", box.number(),
                kind.wire() + " greeting recorded by phone", Map.of(), greetingState(box, kind));
    }

    /** Whether a greeting is the mailbox's own recording or the built-in one. */
    private Map<String, Object> greetingState(Mailbox box, Greeting kind) {
        return Map.of(kind.wire() + "Greeting", files.existingGreeting(box, kind).isPresent() ? "custom" : "built_in");
    }

    private Extension visible(Tenant tenant, String number, Actor actor, boolean adminToo) {
        return extensions.find(tenant.id(), number)
                .filter(e -> actor.owns(e.number()) || adminToo && actor.admin())
                .orElseThrow(() -> new VoicemailNotFoundException("mailbox " + number));
    }

    private Mailbox withPin(Mailbox b, String pin) {
        return new Mailbox(b.extensionId(), b.tenantId(), b.number(), b.enabled(), Optional.of(encoder.encode(pin)),
                b.emailOption(), b.instructions(), b.skipPinOnOwnDevice(), b.maxMessageSeconds(), b.maxMessages());
    }
}
