// Package gin is a stub of github.com/gin-gonic/gin.
package gin

type Context struct{}

func (c *Context) JSON(code int, obj any) {}

type HandlerFunc func(*Context)

type Engine struct{}

func Default() *Engine { return &Engine{} }

func (e *Engine) GET(path string, handlers ...HandlerFunc)  {}
func (e *Engine) POST(path string, handlers ...HandlerFunc) {}
