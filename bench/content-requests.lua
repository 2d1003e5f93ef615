-- Spreads requests over pages, languages and regions, as many app users would.
local locales = { "nl", "en", "fy" }
local regions = { "", "&region=GM0150", "&region=VR04", "&region=GM0363" }
local counter = 0

request = function()
  counter = counter + 1
  local id = string.format("p%04d", counter % 1000)
  local path = "/api/v1/content/" .. id .. "?locale=" .. locales[counter % 3 + 1] .. regions[counter % 4 + 1]
  return wrk.format("GET", path)
end
