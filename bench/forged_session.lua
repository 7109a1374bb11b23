-- A visitor inventing session cookies: a new random sessionid on every
-- request, half of them with a made-up staff mark. Neither may skip the
-- page cache (khuyencong/pagecache/staff.py).
local counter = 0
local thread_id = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  math.randomseed(os.time() + thread_id)
end

local function token()
  local chars = {}
  for i = 1, 32 do
    chars[i] = string.format("%x", math.random(0, 15))
  end
  return table.concat(chars)
end

function request()
  counter = counter + 1
  local cookie = "sessionid=" .. token()
  if counter % 2 == 0 then
    cookie = cookie .. "; khuyencong_staff=" .. token() .. ":1tAbCd:" .. token()
  end
  return wrk.format(nil, nil, { ["Cookie"] = cookie })
end
