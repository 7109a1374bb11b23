-- A story shared widely: every request carries its own click id and
-- campaign tags, as links opened from Facebook and Zalo do.
local counter = 0
local thread_id = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function request()
  counter = counter + 1
  local path = wrk.path .. "?fbclid=IwAR" .. thread_id .. "x" .. counter
    .. "&utm_source=facebook&utm_medium=social"
  return wrk.format(nil, path)
end
