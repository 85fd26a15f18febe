// Lossless text model and file classification on arbitrary bytes: never crash, and always
// give back exactly the input.
#include "base/secretmasker.h"
#include "base/textdocument.h"
#include "base/textfilereader.h"
#include "project/filekindclassifier.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    pgdial::core::base::TextDocument document = pgdial::core::base::TextDocument::fromBytes(bytes);
    if (document.toBytes() != bytes)
        std::abort();
    if (document.lineCount() > 0) {
        const int first = static_cast<int>(size % static_cast<size_t>(document.lineCount()));
        const pgdial::core::base::LineEdit inverse = document.apply({first, 1, {"x", "y"}, {}});
        document.apply(inverse);
        if (document.toBytes() != bytes)
            std::abort();
    }
    (void)pgdial::core::base::firstInvalidUtf8(bytes);
    (void)pgdial::core::project::FileKindClassifier::fromContent(QStringLiteral("x.conf"), bytes);
    (void)pgdial::core::project::FileKindClassifier::fromContent(QStringLiteral("x.yaml"), bytes);
    (void)pgdial::core::base::SecretMasker::maskLine(QString::fromUtf8(bytes.left(4096)));
    return 0;
}
