// The connection tester's text handling on arbitrary input: libpq's parser plus pgdial's
// provenance and masking, the message catalogue, the hba rule suggestion. Never crash; never
// show a password given with the password keyword.
#include "hba/hbarejection.h"
#include "probe/conninfoinspector.h"
#include "probe/messagecatalogue.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    using namespace pgdial::core::probe;
    const ConninfoInspector inspector(text);
    const ProbeStage stage = inspector.toStage();
    if (inspector.isValid()) {
        const QString password = inspector.value(QStringLiteral("password"));
        if (password.size() >= 4 && inspector.source(QStringLiteral("password")) == QLatin1String("string")
            && (stage.lines.join(QLatin1Char('\n')).contains(password) || inspector.maskedConninfo().contains(password))
            && !inspector.maskedConninfo().contains(QStringLiteral("\u2022")))
            std::abort();
        (void)inspector.hosts();
        (void)inspector.ports();
    }
    (void)ConninfoInspector::maskConninfoText(text);
    (void)MessageCatalogue::classify(text);
    (void)MessageCatalogue::attempts(text);
    if (const auto rejection = pgdial::core::hba::HbaRejection::parse(text))
        (void)pgdial::core::hba::HbaRuleProposer::propose(pgdial::core::hba::HbaFile(), *rejection);
    return 0;
}
