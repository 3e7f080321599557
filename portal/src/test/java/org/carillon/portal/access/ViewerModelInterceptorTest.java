package org.carillon.portal.access;

import org.carillon.portal.dashboard.DashboardController;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerModelInterceptorTest {
    private static final Viewer OWNER = new Viewer(1, "o@example.com", "O", PortalRole.OWNER, Optional.of(7L));
    private final ViewerModelInterceptor interceptor = new ViewerModelInterceptor(new ViewerLookup(null));

    @Test
    void aPortalPageGetsTheRequestsViewerAsMe() throws Exception {
        ModelAndView page = new ModelAndView("portal/dashboard");
        interceptor.postHandle(signedIn(), new MockHttpServletResponse(), portalHandler(), page);
        assertThat(page.getModel()).containsEntry("me", OWNER);
    }

    @Test
    void aPageWithoutViewerGetsMeAsNullSoTheLayoutStillKnowsItIsAPortalPage() throws Exception {
        ModelAndView page = new ModelAndView("portal/dashboard");
        interceptor.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), portalHandler(), page);
        assertThat(page.getModel()).containsKey("me").containsEntry("me", null);
    }

    @Test
    void redirectsOtherAppsHandlersAndTheControllersOwnValueAreLeftAlone() throws Exception {
        ModelAndView redirect = new ModelAndView("redirect:/invoices");
        interceptor.postHandle(signedIn(), new MockHttpServletResponse(), portalHandler(), redirect);
        ModelAndView redirectView = new ModelAndView(new RedirectView("/invoices"));
        interceptor.postHandle(signedIn(), new MockHttpServletResponse(), portalHandler(), redirectView);
        ModelAndView other = new ModelAndView("platform/login");
        interceptor.postHandle(signedIn(), new MockHttpServletResponse(),
                new HandlerMethod(new Object(), Object.class.getMethod("toString")), other);
        ModelAndView own = new ModelAndView("portal/dashboard").addObject("me", "set by the controller");
        interceptor.postHandle(signedIn(), new MockHttpServletResponse(), portalHandler(), own);
        interceptor.postHandle(signedIn(), new MockHttpServletResponse(), portalHandler(), null);

        assertThat(redirect.getModel()).doesNotContainKey("me");
        assertThat(redirectView.getModel()).doesNotContainKey("me");
        assertThat(other.getModel()).doesNotContainKey("me");
        assertThat(own.getModel()).containsEntry("me", "set by the controller");
    }

    private static MockHttpServletRequest signedIn() {
        var request = new MockHttpServletRequest();
        request.setAttribute(ViewerLookup.class.getName(), OWNER);
        return request;
    }

    private static HandlerMethod portalHandler() throws NoSuchMethodException {
        return new HandlerMethod(new DashboardController(null, null),
                DashboardController.class.getMethod("dashboard", Viewer.class, org.springframework.ui.Model.class));
    }
}
