package routers

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func GinVM(c *gin.Context) {
	_ = &http.Client{} // want `http.Client created in gin handler GinVM`
}

func EchoVM(c echo.Context) error {
	_ = &http.Transport{} // want `http.Transport created in echo handler EchoVM`
	return nil
}

func FiberVM(c *fiber.Ctx) error {
	_ = new(http.Client) // want `http.Client created in fiber handler FiberVM`
	return nil
}

func routes() {
	r := gin.Default()
	r.GET("/vm", func(c *gin.Context) {
		_ = &http.Client{} // want `http.Client created in gin handler for "/vm"`
	})
	e := echo.New()
	e.GET("/vm", func(c echo.Context) error {
		_ = &http.Client{} // want `http.Client created in echo handler for "/vm"`
		return nil
	})
	app := fiber.New()
	app.Get("/vm", func(c *fiber.Ctx) error {
		_ = &http.Client{} // want `http.Client created in fiber handler for "/vm"`
		return nil
	})
	client := &http.Client{} // setup code: once
	_ = client
}

// helper taking a gin context is handler-shaped.
func ginHelper(id string, c *gin.Context) {
	_ = &http.Client{} // want `http.Client created in gin handler ginHelper`
}

func ginCaller(c *gin.Context) {
	ginHelper("x", c) // calls a handler-shaped function: reported there
}

// Custom handler type from the configuration (see TestConfig).
type Ctx struct{}

func custom(c *Ctx) {
	_ = &http.Client{}
}
