#include "base/linediff.h"

#include "base/commonends.h"

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace pgdial::core::base {

namespace {

// Beyond this many trace cells the diff is huge anyway; show it as "all replaced".
constexpr qsizetype maxTraceCells = 40'000'000;

void replaceAll(QList<DiffLine> &out, const QList<QByteArray> &a, qsizetype aBegin, qsizetype n,
                const QList<QByteArray> &b, qsizetype bBegin, qsizetype m)
{
    for (qsizetype i = 0; i < n; ++i)
        out.append({DiffLine::Op::Delete, a.at(aBegin + i)});
    for (qsizetype j = 0; j < m; ++j)
        out.append({DiffLine::Op::Insert, b.at(bBegin + j)});
}

// Myers' greedy algorithm over a[aBegin, aBegin+n) and b[bBegin, bBegin+m), with the V arrays of
// every step kept for the backtrack.
void myers(QList<DiffLine> &out, const QList<QByteArray> &a, qsizetype aBegin, qsizetype n, const QList<QByteArray> &b,
           qsizetype bBegin, qsizetype m)
{
    const qsizetype max = n + m;
    const qsizetype offset = max + 1;
    std::vector<qsizetype> v(static_cast<size_t>(2 * max + 3), 0);
    std::vector<std::vector<qsizetype>> trace;
    bool done = false;
    for (qsizetype d = 0; d <= max && !done; ++d) {
        if (static_cast<qsizetype>(trace.size() + 1) * static_cast<qsizetype>(v.size()) > maxTraceCells) {
            replaceAll(out, a, aBegin, n, b, bBegin, m);
            return;
        }
        trace.push_back(v);
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x = (k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset])) ? v[k + 1 + offset]
                                                                                         : v[k - 1 + offset] + 1;
            qsizetype y = x - k;
            while (x < n && y < m && a.at(aBegin + x) == b.at(bBegin + y)) {
                ++x;
                ++y;
            }
            v[k + offset] = x;
            if (x >= n && y >= m) {
                done = true;
                break;
            }
        }
    }

    QList<DiffLine> reversed;
    qsizetype x = n;
    qsizetype y = m;
    for (qsizetype d = static_cast<qsizetype>(trace.size()) - 1; d >= 0; --d) {
        const std::vector<qsizetype> &before = trace[static_cast<size_t>(d)];
        const qsizetype k = x - y;
        const qsizetype previousK
            = (k == -d || (k != d && before[k - 1 + offset] < before[k + 1 + offset])) ? k + 1 : k - 1;
        const qsizetype previousX = d == 0 ? 0 : before[previousK + offset];
        const qsizetype previousY = d == 0 ? 0 : previousX - previousK;
        while (x > previousX && y > previousY) {
            reversed.append({DiffLine::Op::Equal, a.at(aBegin + x - 1)});
            --x;
            --y;
        }
        if (d > 0) {
            if (x == previousX)
                reversed.append({DiffLine::Op::Insert, b.at(bBegin + y - 1)});
            else
                reversed.append({DiffLine::Op::Delete, a.at(aBegin + x - 1)});
            x = previousX;
            y = previousY;
        }
    }
    std::reverse(reversed.begin(), reversed.end());
    out += reversed;
}

QString printable(const QByteArray &line)
{
    QByteArray text = line;
    if (text.endsWith('\n'))
        text.chop(1);
    if (text.endsWith('\r'))
        text.chop(1);
    return QString::fromUtf8(text);
}

QString range(qsizetype start, qsizetype count)
{
    // diff(1): an empty range names the line before it.
    const qsizetype first = count == 0 ? start : start + 1;
    return count == 1 ? QString::number(first) : u"%1,%2"_s.arg(first).arg(count);
}

} // namespace

QList<DiffLine> LineDiff::compute(const QList<QByteArray> &oldLines, const QList<QByteArray> &newLines)
{
    const qsizetype oldSize = oldLines.size();
    const qsizetype newSize = newLines.size();
    const auto [head, tail] = commonEnds(oldLines, newLines);

    QList<DiffLine> out;
    out.reserve(qMax(oldSize, newSize));
    for (qsizetype i = 0; i < head; ++i)
        out.append({DiffLine::Op::Equal, oldLines.at(i)});
    const qsizetype n = oldSize - head - tail;
    const qsizetype m = newSize - head - tail;
    if (n == 0 || m == 0)
        replaceAll(out, oldLines, head, n, newLines, head, m);
    else
        myers(out, oldLines, head, n, newLines, head, m);
    for (qsizetype i = oldSize - tail; i < oldSize; ++i)
        out.append({DiffLine::Op::Equal, oldLines.at(i)});
    return out;
}

QList<QByteArray> LineDiff::splitLines(const QByteArray &bytes)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
        lines.append(bytes.mid(start, end - start));
        start = end;
    }
    return lines;
}

QString LineDiff::unified(const QByteArray &oldBytes, const QByteArray &newBytes, const QString &oldName,
                          const QString &newName, int context)
{
    const QList<DiffLine> ops = compute(splitLines(oldBytes), splitLines(newBytes));
    const qsizetype total = ops.size();
    // Positions (in old and new line numbers) before each op.
    std::vector<qsizetype> oldAt(static_cast<size_t>(total + 1), 0);
    std::vector<qsizetype> newAt(static_cast<size_t>(total + 1), 0);
    for (qsizetype i = 0; i < total; ++i) {
        const DiffLine::Op op = ops.at(i).op;
        oldAt[static_cast<size_t>(i + 1)] = oldAt[static_cast<size_t>(i)] + (op != DiffLine::Op::Insert);
        newAt[static_cast<size_t>(i + 1)] = newAt[static_cast<size_t>(i)] + (op != DiffLine::Op::Delete);
    }

    QString out;
    qsizetype i = 0;
    while (i < total) {
        while (i < total && ops.at(i).op == DiffLine::Op::Equal)
            ++i;
        if (i >= total)
            break;
        const qsizetype hunkBegin = qMax<qsizetype>(0, i - context);
        // Extend the hunk while the next change is within 2 * context equal lines.
        qsizetype end = i;
        while (true) {
            while (end < total && ops.at(end).op != DiffLine::Op::Equal)
                ++end;
            qsizetype equalRun = end;
            while (equalRun < total && ops.at(equalRun).op == DiffLine::Op::Equal)
                ++equalRun;
            if (equalRun < total && equalRun - end <= 2 * context) {
                end = equalRun;
                continue;
            }
            end = qMin(total, end + context);
            break;
        }
        if (out.isEmpty())
            out += u"--- a/%1\n+++ b/%2\n"_s.arg(oldName, newName);
        const qsizetype oldCount = oldAt[static_cast<size_t>(end)] - oldAt[static_cast<size_t>(hunkBegin)];
        const qsizetype newCount = newAt[static_cast<size_t>(end)] - newAt[static_cast<size_t>(hunkBegin)];
        out += u"@@ -%1 +%2 @@\n"_s.arg(range(oldAt[static_cast<size_t>(hunkBegin)], oldCount),
                                        range(newAt[static_cast<size_t>(hunkBegin)], newCount));
        for (qsizetype j = hunkBegin; j < end; ++j) {
            const DiffLine &line = ops.at(j);
            const QChar sign = line.op == DiffLine::Op::Equal ? u' ' : line.op == DiffLine::Op::Delete ? u'-' : u'+';
            out += sign + printable(line.text) + u'\n';
            if (!line.text.endsWith('\n'))
                out += u"\\ No newline at end of file\n"_s;
        }
        i = end;
    }
    return out;
}

} // namespace pgdial::core::base
