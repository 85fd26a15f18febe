#include "support/testenvironment.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

namespace pgdial::test {

void isolateTestEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pgdial-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("pgdial-tests"));
    QSettings().clear();
}

} // namespace pgdial::test
