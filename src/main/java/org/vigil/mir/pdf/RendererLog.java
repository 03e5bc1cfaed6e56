package org.vigil.mir.pdf;

import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;

/**
 * openhtmltopdf's log sent to Vigil's (SLF4J) instead of the JDK's console logger, which would print its progress
 * messages on the standard error of {@code mir render}: its warnings and errors stay warnings and errors, its
 * information is debug detail.
 */
final class RendererLog implements XRLogger {

    /** {@code java.util.logging.Level.WARNING}. */
    private static final int WARNING = 900;
    /** {@code java.util.logging.Level.SEVERE}. */
    private static final int SEVERE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger("org.vigil.mir.pdf.openhtmltopdf");

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable problem) {
        int severity = level.intValue();
        if (severity >= SEVERE) {
            LOG.error("{}: {}", where, message, problem);
        } else if (severity >= WARNING) {
            LOG.warn("{}: {}", where, message, problem);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {}", where, message, problem);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are Vigil's logging configuration, not the renderer's to change
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= WARNING ? LOG.isWarnEnabled() : LOG.isDebugEnabled();
    }
}
