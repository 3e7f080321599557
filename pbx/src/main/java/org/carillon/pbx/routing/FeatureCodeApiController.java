package org.carillon.pbx.routing;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/feature-codes}: the tenant's dial codes. Everyone reads them (phones and users need them); Owner and
 * Manager change them with {@code PATCH {"group_pickup": "*9", …}} (keys are the features' lower snake_case names;
 * an unknown key or a clash is a 400 naming it).
 */
@RestController
@RequestMapping("/api/v1/feature-codes")
@Allowed(Permission.SIGNED_IN)
public class FeatureCodeApiController {
    private final FeatureCodeService codes;
    private final TenantDirectory tenants;

    public FeatureCodeApiController(FeatureCodeService codes, TenantDirectory tenants) {
        this.codes = codes;
        this.tenants = tenants;
    }

    /** One feature's code. */
    public record FeatureCodeView(Feature feature, String label, String code, String defaultCode) {
    }

    @GetMapping
    public List<FeatureCodeView> list() {
        return views(codes.table(tenants.current().id()));
    }

    @PatchMapping
    @Allowed(Permission.FEATURE_CODES)
    public List<FeatureCodeView> change(@RequestBody Map<String, String> body, Authentication auth,
                                        HttpServletRequest request) {
        Map<Feature, String> changes = new EnumMap<>(Feature.class);
        List<ApiProblem.FieldError> unknown = new ArrayList<>();
        body.forEach((k, v) -> {
            Optional<Feature> f = Feature.find(k);
            if (f.isEmpty()) {
                unknown.add(new ApiProblem.FieldError(k, "Unknown feature."));
            } else {
                changes.put(f.get(), v);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidDialCodeException(unknown);
        }
        return views(codes.save(tenants.current().id(), changes, auth.getName(), request.getRemoteAddr()));
    }

    static List<FeatureCodeView> views(Map<Feature, String> table) {
        List<FeatureCodeView> out = new ArrayList<>();
        table.forEach((f, c) -> out.add(new FeatureCodeView(f, f.label(), c, f.defaultCode())));
        return out;
    }

    @ExceptionHandler(InvalidDialCodeException.class)
    public ProblemDetail invalid(InvalidDialCodeException e) {
        return ApiProblem.validation(e.errors());
    }
}
