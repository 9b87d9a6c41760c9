package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.text.UntrustedText;
import org.apache.maven.plugin.logging.Log;

/**
 * A log whose every message stays on its line: values from booking files (ids, titles, file names) could hold a line
 * break, and on GitHub Actions a line that starts with {@code ::} is run as a workflow command.
 */
final class OneLineLog implements Log {

    private final Log log;

    OneLineLog(Log log) {
        this.log = log;
    }

    private static String line(CharSequence message) {
        return message == null ? null : UntrustedText.oneLine(message.toString());
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        log.debug(line(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.debug(line(content), error);
    }

    @Override
    public void debug(Throwable error) {
        log.debug(error);
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        log.info(line(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        log.info(line(content), error);
    }

    @Override
    public void info(Throwable error) {
        log.info(error);
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        log.warn(line(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        log.warn(line(content), error);
    }

    @Override
    public void warn(Throwable error) {
        log.warn(error);
    }

    @Override
    public boolean isErrorEnabled() {
        return log.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        log.error(line(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        log.error(line(content), error);
    }

    @Override
    public void error(Throwable error) {
        log.error(error);
    }
}
