-- The provider a campaign's unsent messages move to when its own is down, and where a run's rows came from.
alter table campaign add column fallback_provider varchar(10);
alter table campaign_run add column failed_over_from varchar(20);
alter table campaign_run add column failed_over_at timestamp with time zone;
