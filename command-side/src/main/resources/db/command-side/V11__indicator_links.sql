-- Which indicator each indicator implements now (IndicatorLinked / IndicatorUnlinked), so that a link that would
-- close a circle (A implements B implements A) is refused before it is sent.
create table command_side.indicator_link (
    indicator_id  varchar(255) primary key,
    implements_id varchar(255) not null
);
