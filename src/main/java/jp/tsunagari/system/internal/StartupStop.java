package jp.tsunagari.system.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * SIGTERM during start-up (issue 30). The JVM runs its shutdown hooks at once, but Spring's closes the context only
 * once the start-up has finished: on two busy cores, with a full index build beside it, that took 50 s. Until the
 * context has started nothing has been served and no job has run (the web server and the job scheduler start last),
 * so the start-up is cut short instead: a shutdown hook of this class marks the stop, and the next bean to be
 * initialised refuses with {@link Stopped}; the start-up fails, the beans made so far are destroyed as at any stop
 * (an index build stops at its next program, the pool closes the database) and the process exits with 143, as after
 * any SIGTERM. A bean being initialised is not interrupted (a Flyway migration under way ends first). The stop is
 * reported in one line ({@link Reporter}), not as a failed start. Registered in {@code META-INF/spring.factories}: the
 * hook is added when the application starts, before any bean.
 */
class StartupStop implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupStop.class);
    private static final AtomicBoolean hooked = new AtomicBoolean();
    /** Set by the shutdown hook: the JVM is stopping (SIGTERM, SIGINT, or System.exit). */
    private static volatile boolean terminating;

    /** This application's context has started (from then on a stop is the ordinary graceful one). */
    private volatile boolean started;

    /** The start-up was cut short by a SIGTERM: thrown instead of initialising the next bean. */
    static final class Stopped extends RuntimeException {
        Stopped(String bean) {
            super("SIGTERM during start-up: stopped before initialising " + bean, null, false, false);
        }
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationStartingEvent && hooked.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> terminating = true, "startup-stop"));
        } else if (event instanceof ApplicationContextInitializedEvent initialized) {
            initialized.getApplicationContext().getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    refuseIfStopping(beanName);
                    return bean;
                }
            });
        } else if (event instanceof ApplicationStartedEvent) {
            started = true;
        }
    }

    private void refuseIfStopping(String beanName) {
        if (terminating && !started && !insideServletContainerStartup()) {
            log.info("SIGTERM during start-up: the start-up stops before {} (nothing was served yet)", beanName);
            throw new Stopped(beanName);
        }
    }

    /**
     * Whether this bean is being made while the embedded Tomcat runs its servlet context initialisers (the servlet,
     * filter and endpoint registrations and what they need): Boot logs a failure there at ERROR ("Error starting Tomcat
     * context") before passing it on, so the stop waits for the next bean made outside them (a CI run met it: SIGTERM
     * while {@code servletEndpointRegistrar} was being made). Walked only once a stop has been asked for.
     */
    private static boolean insideServletContainerStartup() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> SERVLET_CONTAINER_STARTUP.equals(
                f.getClassName())));
    }

    private static final String SERVLET_CONTAINER_STARTUP =
            "org.springframework.boot.tomcat.servlet.DeferredServletContainerInitializers";

    /** Reports a start-up cut short by SIGTERM as such, in one line, instead of "Application run failed". */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class Reporter implements SpringBootExceptionReporter {

        @Override
        public boolean reportException(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof Stopped) {
                    log.info("Start-up stopped: the application was asked to stop (SIGTERM) while starting");
                    return true;
                }
            }
            return false;
        }
    }
}
