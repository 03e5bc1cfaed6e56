package org.vigil.shared.web;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses any Vigil endpoint that does not declare who may call it ({@code @RolesAllowed}, {@code @PermitAll} or
 * {@code @DenyAll} on the method or its class), so a forgotten declaration fails closed instead of open. The
 * endpoint matrix test fails for such an endpoint before it ever ships.
 */
@Component
class DeclaredAccessGuard implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeclaredAccessGuard.class);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.getBeanType().getName().startsWith("org.vigil.")
                && !declaresAccess(method)) {
            log.error("Refused {} {}: {} declares no access rule", request.getMethod(), request.getRequestURI(),
                    method.getShortLogMessage());
            throw new AccessDeniedException("This endpoint declares no access rule");
        }
        return true;
    }

    /** Whether the endpoint says who may call it. */
    public static boolean declaresAccess(HandlerMethod method) {
        for (var annotation : java.util.List.of(RolesAllowed.class, PermitAll.class, DenyAll.class)) {
            if (AnnotatedElementUtils.hasAnnotation(method.getMethod(), annotation)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), annotation)) {
                return true;
            }
        }
        return false;
    }
}
