package org.carillon.platform.mail;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Globals;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The development mailbox: the local outbox as a web page. It exists only while no SMTP server is configured and
 * only for requests from this machine (loopback); everyone else gets 404, as if it did not exist. A request that
 * carries a forwarding header ({@code Forwarded}, {@code X-Forwarded-For}, {@code X-Real-IP}) came through a proxy
 * — one on this machine connects from loopback on behalf of anyone — and is refused too: the mailbox holds
 * password-reset and invitation links. So is every request whose connection came from a trusted proxy
 * ({@code CARILLON_WEB_TRUSTED_PROXIES}): Tomcat's remote-IP valve has then already replaced the address with the
 * one the proxy reported (a loopback one too, if that is what it said) and removed the {@code X-Forwarded-For} it
 * used up, but it marks such a request ({@link Globals#REQUEST_FORWARDED_ATTRIBUTE}).
 */
@Controller
public class DevMailboxController {
    private final MailOutboxStore store;
    private final MailConfiguration.SmtpTransport transport;

    public DevMailboxController(MailOutboxStore store, MailConfiguration.SmtpTransport transport) {
        this.store = store;
        this.transport = transport;
    }

    @GetMapping("/dev/mailbox")
    public String list(HttpServletRequest request, Model model) {
        guard(request);
        model.addAttribute("messages", store.latest(200));
        return "platform/mailbox";
    }

    @GetMapping("/dev/mailbox/{id}")
    public String show(@PathVariable long id, HttpServletRequest request, Model model) {
        guard(request);
        var entry = store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("message", entry);
        model.addAttribute("attachments", store.attachments(id));
        return "platform/mailbox-message";
    }

    private void guard(HttpServletRequest request) {
        if (!transport.local() || !loopback(request.getRemoteAddr()) || proxied(request)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static boolean proxied(HttpServletRequest request) {
        return request.getAttribute(Globals.REQUEST_FORWARDED_ATTRIBUTE) != null
                || request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null
                || request.getHeader("X-Real-IP") != null;
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
