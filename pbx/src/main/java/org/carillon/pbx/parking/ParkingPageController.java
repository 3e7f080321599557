package org.carillon.pbx.parking;

import org.carillon.pbx.paging.ListPage;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Map;

/**
 * The admin page Parking (Owner and Manager): the tenant's lots, each with its numbers, settings and slots, the slots
 * live over server-sent events ({@link ParkingStream}). Lots are added, edited and deleted on
 * {@link ParkingLotPageController}'s form.
 */
@Controller
@Allowed(Permission.PARKING)
public class ParkingPageController {
    private final ParkingService parking;
    private final ParkingLotService lots;
    private final ParkingStream stream;
    private final TenantDirectory tenants;

    ParkingPageController(ParkingService parking, ParkingLotService lots, ParkingStream stream,
                          TenantDirectory tenants) {
        this.parking = parking;
        this.lots = lots;
        this.stream = stream;
        this.tenants = tenants;
    }

    /** One lot on the page: the lot and its slots as {@link ParkingStream#data} describes them. */
    public record LotRow(ParkingLot lot, List<Map<String, String>> slots, long occupied) {

        /** What happens to a call nobody retrieves, in words: "ring back, then ring 1009". */
        public String onTimeout() {
            String target = lot.fallback().target();
            return "ring back, then " + switch (lot.fallback().type()) {
                case EXTENSION -> "ring " + target;
                case TEAM -> "team " + target;
                case VOICEMAIL -> target.isEmpty() ? "the parker's voicemail" : "voicemail " + target;
                case PROMPT -> "prompt " + target;
                default -> "hang up";
            };
        }
    }

    /** Lots on one page of the list. */

    /**
     * The lots, searchable (name, park number or one of its slots, ignoring case) and paged like every list (SPEC §5).
     * Lots are held in memory by {@link ParkingLotService}, so they are filtered here, not in SQL.
     */
    @GetMapping("/parking")
    public String page(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String q,
                       @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
                       Model model) {
        long tenant = tenants.current().id();
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        List<ParkingLot> found = lots.lots(tenant).stream()
                .filter(l -> needle.isEmpty() || l.name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || l.parkNumber().contains(needle) || l.slots().contains(needle))
                .toList();
        ListPage.of(found, page).map(l -> {
            List<Map<String, String>> slots = l.slots().stream().map(s -> stream.data(s, parking.find(tenant, s)))
                    .toList();
            return new LotRow(l, slots, slots.stream().filter(s -> s.get("state").equals("occupied")).count());
        }).addTo(model, "lots", q);
        model.addAttribute("active", "parking");
        return "pbx/parking";
    }

    @GetMapping(path = "/parking/stream", produces = "text/event-stream")
    @ResponseBody
    public SseEmitter live() {
        return stream.subscribe(tenants.current().id());
    }
}
