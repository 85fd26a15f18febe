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

void PoolBudgetChart::setClientNames(const QStringList &names)
{
    QStringList current;
    for (const QBarSet *set : std::as_const(m_clientSets))
        current.append(set->label());
    if (current == names)
        return;
    for (QBarSet *set : std::as_const(m_clientSets))
        m_series->remove(set); // deletes it
    m_clientSets.clear();
    // Between the app's overflow and the red "over the limit" segment, which stays on top.
    int index = int(m_series->barSets().indexOf(m_sets.at(OverLimit)));
    for (const QString &name : names) {
        // insert(), unlike append(), leaves the set unowned in Qt 6.4: parent it here.
        auto *set = new QBarSet(name, m_series);
        set->setObjectName(u"client:"_s + name);
        m_series->insert(index++, set);
        m_clientSets.append(set);
    }
    applyPalette();
}

qreal PoolBudgetChart::clientsTotal(int bar) const
{
    qreal sum = 0;
    for (const QBarSet *set : m_clientSets)
        sum += bar < set->count() ? set->at(bar) : 0;
    return sum;
}

void PoolBudgetChart::setBudget(const Budget &budget)
{
    m_budget = budget;
    QStringList names;
    for (const Bar &bar : budget.bars)
        for (const auto &client : bar.clients)
            if (!names.contains(client.first))
                names.append(client.first);
    setClientNames(names);
    for (QBarSet *set : std::as_const(m_sets))
        set->remove(0, set->count());
    for (QBarSet *set : std::as_const(m_clientSets))
        set->remove(0, set->count());
    QStringList labels;
    int highest = budget.maxConnections;
    for (const Bar &bar : budget.bars) {
        labels.append(bar.label);
        // Stack bottom to top; whatever lies above max_connections moves to the red segment.
        int stacked = 0;
        int over = 0;
        auto stack = [&](QBarSet *set, int part) {
            const int value = std::max(0, part);
            const int within = std::clamp(budget.maxConnections - stacked, 0, value);
            set->append(within);
            over += value - within;
            stacked += value;
        };
        stack(m_sets.at(SuperuserReserved), budget.superuserReserved);
        stack(m_sets.at(Reserved), budget.reserved);
        stack(m_sets.at(Pools), bar.pools);
        stack(m_sets.at(Overflow), bar.overflow);
        for (QBarSet *set : std::as_const(m_clientSets)) {
            int part = 0;
            for (const auto &client : bar.clients)
                part += client.first == set->label() ? client.second : 0;
            stack(set, part);
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
        dark ? QColor(0xf2, 0x5c, 0x54) : QColor(0xd3, 0x2f, 0x2f), // over the limit: red
    };
    // The other clients in warm hues (amber, green, teal, brown...), cycled: never red or blue,
    // which belong to the limit and the app.
    const QList<QColor> clientColors {
        dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0xd0, 0x94, 0x1c),
        dark ? QColor(0x8b, 0xc3, 0x4a) : QColor(0x55, 0x8b, 0x2f),
        dark ? QColor(0x4d, 0xc0, 0xb5) : QColor(0x00, 0x89, 0x7b),
        dark ? QColor(0xc8, 0x9b, 0x7b) : QColor(0x8d, 0x6e, 0x63),
        dark ? QColor(0xf0, 0x9a, 0xc8) : QColor(0xc2, 0x18, 0x5b),
        dark ? QColor(0xd4, 0xe1, 0x57) : QColor(0x9e, 0x9d, 0x24),
    };
    auto paint = [dark](QBarSet *set, const QColor &color) {
        set->setColor(color);
        set->setBorderColor(color.darker(dark ? 90 : 115));
        set->setLabelColor(dark ? Qt::black : Qt::white);
    };
    for (int i = 0; i < m_sets.size(); ++i)
        paint(m_sets.at(i), colors.at(i));
    for (int i = 0; i < m_clientSets.size(); ++i)
        paint(m_clientSets.at(i), clientColors.at(i % clientColors.size()));
    QPen pen(text, 2, Qt::DashLine);
    m_limit->setPen(pen);
}

} // namespace pgdial::ui::tools::pool
