-- Which SMS provider a campaign goes through: an SMPP account, or GOV.UK Notify.
alter table campaign add column provider varchar(10) default 'SMPP' not null;
