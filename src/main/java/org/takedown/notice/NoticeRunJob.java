package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A notice's schedule fired: record the run and its ledger rows (nothing is sent here). */
@ApplicationScoped
public class NoticeRunJob implements Job {

    static final String NOTICE_ID = "noticeId";

    @Inject
    RunQueue runs;

    @Override
    public void execute(JobExecutionContext context) {
        runs.fired(
                Long.parseLong(context.getMergedJobDataMap().getString(NOTICE_ID)),
                context.getScheduledFireTime().toInstant(),
                context.getFireTime().toInstant(),
                instant(context.getPreviousFireTime()),
                context.getTrigger().getStartTime().toInstant());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
