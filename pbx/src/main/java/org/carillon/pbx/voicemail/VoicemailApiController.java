package org.carillon.pbx.voicemail;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/extensions/{number}/voicemail} (CONTRACTS.md): settings for the extension's user and for
 * Owners/Managers; messages and their audio for the extension's own user only (anyone else, the Owner included,
 * gets 404). The PIN is write-only: {@code pinSet} tells whether one exists.
 */
@RestController
@RequestMapping("/api/v1/extensions/{number}/voicemail")
@Allowed(Permission.OWN_VOICEMAIL)
public class VoicemailApiController {
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");

    private final VoicemailService service;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public VoicemailApiController(VoicemailService service, TenantDirectory tenants, ActorResolver actors) {
        this.service = service;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** The settings as the API shows them. */
    public record MailboxView(String number, boolean enabled, boolean pinSet, EmailOption emailOption,
                              boolean instructions, boolean skipPinOnOwnDevice, int maxMessageSeconds,
                              int maxMessages, Map<String, Boolean> greetings) {
    }

    /** Body of {@code PATCH}: absent fields stay unchanged; {@code pin} is 4-10 digits. */
    public record PatchRequest(Boolean enabled, String pin, EmailOption emailOption, Boolean instructions,
                               Boolean skipPinOnOwnDevice, Integer maxMessageSeconds, Integer maxMessages) {
    }

    /** One message. */
    public record MessageView(String id, String caller, Instant receivedAt, long durationMillis, boolean heard) {
        static MessageView of(VoicemailMessage m) {
            return new MessageView(m.id(), m.caller(), m.receivedAt(), m.length().toMillis(), m.heard());
        }
    }

    /** Body of a message {@code PATCH}. */
    public record MessagePatch(Boolean heard) {
    }

    @GetMapping
    public MailboxView get(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        return view(service.settingsFor(tenants.current(), number, actors.resolve(auth, request)));
    }

    @PatchMapping
    public MailboxView patch(@PathVariable String number, @RequestBody PatchRequest body, Authentication auth,
                             HttpServletRequest request) {
        var changes = new MailboxChanges(Optional.ofNullable(body.enabled()), Optional.ofNullable(body.pin()),
                Optional.ofNullable(body.emailOption()), Optional.ofNullable(body.instructions()),
                Optional.ofNullable(body.skipPinOnOwnDevice()), Optional.ofNullable(body.maxMessageSeconds()),
                Optional.ofNullable(body.maxMessages()));
        return view(service.update(tenants.current(), number, changes, actors.resolve(auth, request)));
    }

    /** Uploads a greeting: the request body is a WAV file (any PCM rate; converted to 8 kHz mono). */
    @PutMapping("/greetings/{kind}")
    public MailboxView putGreeting(@PathVariable String number, @PathVariable String kind, @RequestBody byte[] audio,
                                   Authentication auth, HttpServletRequest request) {
        var actor = actors.resolve(auth, request);
        Mailbox box = service.settingsFor(tenants.current(), number, actor);
        service.saveGreeting(box, greeting(kind), GreetingAudio.convert(audio), actor);
        return view(box);
    }

    @DeleteMapping("/greetings/{kind}")
    public MailboxView deleteGreeting(@PathVariable String number, @PathVariable String kind, Authentication auth,
                                      HttpServletRequest request) {
        var actor = actors.resolve(auth, request);
        Mailbox box = service.settingsFor(tenants.current(), number, actor);
        service.deleteGreeting(box, greeting(kind), actor);
        return view(box);
    }

    @GetMapping("/messages")
    public List<MessageView> messages(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        return service.messages(tenants.current(), number, actors.resolve(auth, request)).stream()
                .map(MessageView::of).toList();
    }

    @GetMapping("/messages/{id}/audio")
    public ResponseEntity<Resource> audio(@PathVariable String number, @PathVariable String id,
                                          @RequestParam(defaultValue = "false") boolean download,
                                          Authentication auth, HttpServletRequest request) {
        Mailbox own = service.ownMailbox(tenants.current(), number, actors.resolve(auth, request));
        return audioResponse(service, own, id, download);
    }

    @PatchMapping("/messages/{id}")
    public MessageView markHeard(@PathVariable String number, @PathVariable String id, @RequestBody MessagePatch body,
                                 Authentication auth, HttpServletRequest request) {
        if (body.heard() == null) {
            throw new InvalidVoicemailException("heard", "is required (true or false)");
        }
        var actor = actors.resolve(auth, request);
        Mailbox own = service.ownMailbox(tenants.current(), number, actor);
        return MessageView.of(service.markHeard(own, id, body.heard(), actor));
    }

    @DeleteMapping("/messages/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String number, @PathVariable String id, Authentication auth,
                       HttpServletRequest request) {
        var actor = actors.resolve(auth, request);
        service.delete(service.ownMailbox(tenants.current(), number, actor), id, actor);
    }

    /** The WAV of a message, inline (for an audio element) or as a download with a readable name. */
    static ResponseEntity<Resource> audioResponse(VoicemailService service, Mailbox own, String id, boolean download) {
        VoicemailMessage m = service.message(own, id);
        String name = "voicemail-" + own.number() + "-from-" + m.caller().replaceAll("[^0-9A-Za-z+]", "") + "-"
                + FILE.format(m.receivedAt().atZone(service.zone(own.tenantId()))) + ".wav";
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(name).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new FileSystemResource(service.audio(own, id)));
    }

    private MailboxView view(Mailbox b) {
        Map<String, Boolean> greetings = new LinkedHashMap<>();
        for (Greeting g : Greeting.values()) {
            greetings.put(g.wire(), service.greeting(b, g).isPresent());
        }
        return new MailboxView(b.number(), b.enabled(), b.pinHash().isPresent(), b.emailOption(), b.instructions(),
                b.skipPinOnOwnDevice(), b.maxMessageSeconds(), b.maxMessages(), greetings);
    }

    private static Greeting greeting(String kind) {
        return Greeting.find(kind).orElseThrow(() -> new VoicemailNotFoundException("greeting " + kind));
    }

    @ExceptionHandler(VoicemailNotFoundException.class)
    public ProblemDetail notFound(VoicemailNotFoundException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidVoicemailException.class)
    public ProblemDetail invalid(InvalidVoicemailException e) {
        return ApiProblem.validation(e.errors());
    }
}
