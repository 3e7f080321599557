package org.carillon.pbx.cdr;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.call.CallResult;
import org.carillon.pbx.call.CallService;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The admin pages Calls ▸ Call history (search by number and result, paging, CSV export) and Calls ▸ Active calls
 * (live over server-sent events, with hang-up). Owner and Manager only.
 */
@Controller
@RequestMapping("/calls")
@Allowed(Permission.CALLS)
public class CallPageController {
    static final int PAGE_SIZE = 25;
    private final CdrStore store;
    private final CallService calls;
    private final TenantDirectory tenants;
    private final AuditTrail audit;
    private final ActiveCallStream stream;

    public CallPageController(CdrStore store, CallService calls, TenantDirectory tenants, ActiveCallStream stream,
                              AuditTrail audit) {
        this.store = store;
        this.calls = calls;
        this.tenants = tenants;
        this.audit = audit;
        this.stream = stream;
    }

    @GetMapping
    public String history(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String result,
                          @RequestParam(defaultValue = "0") int page, Model model) {
        Optional<CallResult> r = Arrays.stream(CallResult.values()).filter(x -> x.wire().equals(result)).findFirst();
        var q = new CallHistoryQuery(Optional.of(number.strip()).filter(s -> !s.isEmpty()), r, Optional.empty(),
                Optional.empty(), Math.max(0, page), PAGE_SIZE);
        var found = store.search(tenants.current().id(), q);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("calls", found.calls());
        model.addAttribute("total", found.total());
        model.addAttribute("page", q.page());
        model.addAttribute("pages", pages);
        model.addAttribute("number", number);
        model.addAttribute("result", result);
        model.addAttribute("results", CallResult.values());
        model.addAttribute("active", "calls");
        return "pbx/calls/history";
    }

    @GetMapping("/active")
    public String active(Model model) {
        model.addAttribute("calls", calls.active(tenants.current().id()));
        model.addAttribute("active", "active-calls");
        return "pbx/calls/active";
    }

    @GetMapping(path = "/active/stream", produces = "text/event-stream")
    @ResponseBody
    public SseEmitter activeStream() {
        return stream.subscribe(tenants.current().id());
    }

    @PostMapping("/active/{id}/hangup")
    public String hangUp(@PathVariable String id, RedirectAttributes redirect) {
        boolean found = calls.hangUp(tenants.current().id(), id);
        if (found) {
            audit.record("call.hangup", "call", id, Map.of("state", "active"), Map.of("state", "hanging_up"));
        }
        redirect.addFlashAttribute("notice", found ? "The call is being hung up." : "That call has already ended.");
        return "redirect:/calls/active";
    }
}
