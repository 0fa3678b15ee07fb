package org.takedown.seizure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** Fires at a seized domain's go-live or retirement. A CDI bean so Quartz gets it with its injections. */
@ApplicationScoped
public class DomainAnnouncementJob implements Job {

    static final String DOMAIN_ID = "domainId";
    static final String STATE = "state";

    @Inject
    SeizedDomainService domains;

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        domains.announce(Long.parseLong(data.getString(DOMAIN_ID)), DomainState.valueOf(data.getString(STATE)));
    }
}
