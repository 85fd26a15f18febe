#pragma once

#include <QMutex>
#include <QMutexLocker>

#include <memory>
#include <typeindex>
#include <unordered_map>

namespace pgdial::core::project {

// What layers above the project keep per project and share with its detached copies (the pgconf
// engine's analysis cache, see pgconf::ConfAnalysisCache::of): the project carries them without
// knowing their types, so core/project depends on no engine. One instance of each type, made on
// first use. Thread-safe: detached copies are checked on worker threads.
class ProjectAttachments
{
public:
    template<typename T> T &get()
    {
        QMutexLocker lock(&m_mutex);
        std::shared_ptr<void> &slot = m_slots[std::type_index(typeid(T))];
        if (!slot)
            slot = std::make_shared<T>();
        return *static_cast<T *>(slot.get());
    }

private:
    QMutex m_mutex;
    std::unordered_map<std::type_index, std::shared_ptr<void>> m_slots;
};

} // namespace pgdial::core::project
