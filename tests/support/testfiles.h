#pragma once

// File helpers for every kind of test: a writable copy of a project folder, a file written under
// a folder (its parent folders made), and a file's bytes for comparing what a save wrote.

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace pgdial::test {

// Copies every file under `from` (hidden ones included) to `to`, owner-writable.
inline bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(source);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target))
            return false;
        QFile::setPermissions(target, QFile::permissions(source) | QFile::WriteOwner);
    }
    return true;
}

// Writes ROOT/PATH, making its folders; fails the calling test when it cannot.
inline void writeUnder(const QString &root, const QString &path, const QByteArray &bytes)
{
    const QString full = root + QLatin1Char('/') + path;
    QDir().mkpath(QFileInfo(full).absolutePath());
    QFile file(full);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(full));
    QCOMPARE(file.write(bytes), bytes.size());
}

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace pgdial::test
