package org.carillon.pbx.schedule;

import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.tenant.Tenant;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * What the holiday lists of the schedule pages (global and per extension) do on submit: add, upload audio, delete.
 * A failure is put in flash attributes ({@code holidayErrors}, {@code holidayForm}) so the list shows it beside the
 * field after the redirect.
 */
@Component
public class HolidayFormActions {
    private final ScheduleService service;

    public HolidayFormActions(ScheduleService service) {
        this.service = service;
    }

    public void add(Tenant tenant, Optional<String> number, Map<String, String> form, Actor actor,
                    RedirectAttributes redirect) {
        try {
            Holiday h = service.addHoliday(tenant, number, ScheduleForms.holiday(form), actor);
            redirect.addFlashAttribute("notice", "Holiday " + h.name() + " added.");
        } catch (InvalidScheduleException e) {
            redirect.addFlashAttribute("holidayErrors", ScheduleForms.errors(e));
            redirect.addFlashAttribute("holidayForm", form);
        }
    }

    public void upload(Tenant tenant, Optional<String> number, long id, MultipartFile file, Actor actor,
                       RedirectAttributes redirect) {
        try {
            service.uploadAudio(tenant, number, id, file.getBytes(), actor);
            redirect.addFlashAttribute("notice", "Audio saved.");
        } catch (InvalidScheduleException e) {
            redirect.addFlashAttribute("holidayErrors", Map.of("audio-" + id, e.errors().getFirst().message()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(Tenant tenant, Optional<String> number, long id, Actor actor, RedirectAttributes redirect) {
        service.deleteHoliday(tenant, number, id, actor);
        redirect.addFlashAttribute("notice", "Holiday deleted.");
    }
}
