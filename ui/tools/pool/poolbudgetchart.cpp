#include "tools/pool/poolbudgetchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QEvent>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::pool {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

PoolBudgetChart::PoolBudgetChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_series(new QStackedBarSeries)
    , m_limit(new QLineSeries)
    , m_categories(new QBarCategoryAxis)
    , m_values(new QValueAxis)
    , m_limitX(new QValueAxis)
{
    setObjectName(u"poolBudgetChart"_s);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(260);
    const QList<QPair<QString, QString>> sets {
        {u"superuserReservedSet"_s, tr("Superuser reserved")},
        {u"reservedSet"_s, tr("Reserved (16+)")},
        {u"poolsSet"_s, tr("Pools")},
        {u"overflowSet"_s, tr("Overflow")},
        {u"otherClientsSet"_s, tr("Other clients")},
        {u"overLimitSet"_s, tr("Over the limit")},
    };
    for (const auto &[name, label] : sets) {
        auto *set = new QBarSet(label);
        set->setObjectName(name);
        m_sets.append(set);
        m_series->append(set);
    }
    m_series->setBarWidth(0.55);
    m_limit->setObjectName(u"maxConnectionsLine"_s);

    QChart *view = QChartView::chart();
    view->setObjectName(u"poolBudget"_s);
    view->addSeries(m_series);
    view->addSeries(m_limit);
    view->addAxis(m_categories, Qt::AlignBottom);
    view->addAxis(m_limitX, Qt::AlignBottom);
    view->addAxis(m_values, Qt::AlignLeft);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_values);
    m_limit->attachAxis(m_limitX);
    m_limit->attachAxis(m_values);
    m_limitX->setRange(0, 1);
    m_limitX->setVisible(false);
    m_values->setLabelFormat(u"%d"_s);
    m_values->setTitleText(tr("connections"));
    // On the right, one entry per line: a bottom legend truncates the names in a narrow dock.
    view->legend()->setAlignment(Qt::AlignRight);
    view->setMargins(QMargins(4, 4, 4, 4));
    view->setBackgroundRoundness(0);
    applyPalette();
    setBudget(m_budget);
}

void PoolBudgetChart::setBudget(const Budget &budget)
{
    m_budget = budget;
    for (QBarSet *set : std::as_const(m_sets))
        set->remove(0, set->count());
    QStringList labels;
    int highest = budget.maxConnections;
    for (const Bar &bar : budget.bars) {
        labels.append(bar.label);
        const int parts[OverLimit]
            = {budget.superuserReserved, budget.reserved, bar.pools, bar.overflow, bar.otherClients};
        // Stack bottom to top; whatever lies above max_connections moves to the red segment.
        int stacked = 0;
        int over = 0;
        for (int segment = 0; segment < OverLimit; ++segment) {
            const int value = std::max(0, parts[segment]);
            const int within = std::clamp(budget.maxConnections - stacked, 0, value);
            m_sets.at(segment)->append(within);
            over += value - within;
            stacked += value;
        }
        m_sets.at(OverLimit)->append(over);
        highest = std::max(highest, stacked);
    }
    m_categories->setCategories(labels);
    m_values->setRange(0, std::max(10, highest + highest / 10));
    m_values->applyNiceNumbers();
    m_limit->clear();
    m_limit->append(0, budget.maxConnections);
    m_limit->append(1, budget.maxConnections);
    m_limit->setName(tr("max_connections %1").arg(budget.maxConnections));
}

void PoolBudgetChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void PoolBudgetChart::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    QChart *c = chart();
    c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setBackgroundBrush(pal.brush(QPalette::Base));
    c->setPlotAreaBackgroundVisible(false);
    const QColor text = pal.color(QPalette::Text);
    c->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : c->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(dark ? QColor(0x44, 0x48, 0x4e) : QColor(0xdd, 0xdd, 0xdd));
    }
    // Fixed hues chosen to read on both backgrounds; the red is kept for "over the limit" alone.
    const QList<QColor> colors {
        dark ? QColor(0x8a, 0x8f, 0x98) : QColor(0x75, 0x7b, 0x85), // superuser reserved: grey
        dark ? QColor(0xb4, 0xa0, 0xd8) : QColor(0x8e, 0x7c, 0xc3), // reserved: lavender
        dark ? QColor(0x4f, 0x9d, 0xf0) : QColor(0x1f, 0x6f, 0xd1), // pools: blue
        dark ? QColor(0x7f, 0xc8, 0xf8) : QColor(0x6c, 0xb4, 0xee), // overflow: light blue
        dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0xd0, 0x94, 0x1c), // other clients: amber
        dark ? QColor(0xf2, 0x5c, 0x54) : QColor(0xd3, 0x2f, 0x2f), // over the limit: red
    };
    for (int i = 0; i < m_sets.size(); ++i) {
        m_sets.at(i)->setColor(colors.at(i));
        m_sets.at(i)->setBorderColor(colors.at(i).darker(dark ? 90 : 115));
        m_sets.at(i)->setLabelColor(dark ? Qt::black : Qt::white);
    }
    QPen pen(text, 2, Qt::DashLine);
    m_limit->setPen(pen);
}

} // namespace pgdial::ui::tools::pool
